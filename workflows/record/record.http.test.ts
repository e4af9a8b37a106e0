/**
 * @module Over HTTP on both databases (#17 items 1-4): the approval record speaks of people and acts, tasks carry
 * titles, instances get 业务编号 per process and year (also under concurrent starts), and the next person sees the
 * steps before theirs: the verifier the rectification report, round 2's rectifier why round 1 failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../../server/testing/scenario-http';

type Line = {
  kind: string;
  action: string;
  actorLabel?: string;
  step?: string;
  opinion?: string;
  round?: number;
  fields: { label: string; text: string }[];
};

describe.each(testDbKinds())('approval record, titles and 业务编号 over HTTP on %s', (kind) => {
  let s: HttpScenario;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
    await s.setClock('2026-09-01T10:00:00+08:00');
  }, 120_000);
  afterAll(() => s?.close());

  const record = async (id: string, as = 'supervisor') => {
    const r = await s.get(`/api/process-instances/${id}/record`, as);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.lines as Line[];
  };

  it('a registration returned once reads as people and acts, numbered ML-2026-…, its tasks titled', async () => {
    // given 县公安局's cataloguer registers an entry
    const id = await s.start(
      'catalog-registration',
      'gaj.cataloguer',
      entryFields('XC-GAJ-8101', { resourceName: '户籍迁移登记信息' }),
    );
    // then the instance has the process's 业务编号 for 2026 and the leader's task says what it is about
    const inst = await s.instance(id);
    expect(inst.businessKey).toMatch(/^ML-2026-\d{4}$/);
    const approval = await s.openTask(id, 'unit-approval', 'gaj.leader');
    expect(approval.title).toBe('目录注册：户籍迁移登记信息（县公安局 周编目）');
    expect(approval.businessKey).toBe(inst.businessKey);
    expect((await s.get(`/api/tasks/${approval.id}`, 'gaj.leader')).body.title).toBe(approval.title);

    // when the leader returns it with an opinion, the cataloguer revises, the leader and the reviewer approve
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'return', comment: '请补充数据项说明' });
    await s.complete(
      id,
      'revise',
      'gaj.cataloguer',
      entryFields('XC-GAJ-8101', { resourceName: '户籍迁移登记信息' }),
    );
    await s.complete(id, 'unit-approval', 'gaj.leader', { decision: 'approve', comment: '同意' });
    await s.complete(id, 'authority-review', 'reviewer', { decision: 'approve' });

    // then the record has one line per human act, in words, with names and units and the opinions
    const lines = await record(id);
    expect(lines.map((l) => `${l.action}|${l.actorLabel ?? ''}|${l.step ?? ''}|${l.opinion ?? ''}`)).toEqual([
      '提交|周编目（县公安局）|资源目录登记|',
      '退回|吴局长（县公安局）|单位审核|请补充数据项说明',
      '提交|周编目（县公安局）|修改目录|',
      '同意报送|吴局长（县公安局）|单位审核|同意',
      '通过|王审核（县大数据发展中心）|主管部门审核|',
      '办结|||',
    ]);
    // and the start line shows the submitted form's fields with labels and option labels, never ids
    expect(lines[0].fields).toEqual(
      expect.arrayContaining([
        { key: 'resourceName', label: '信息资源名称', labelEn: expect.any(String), text: '户籍迁移登记信息' },
      ]),
    );
    // (taskId is there for links, never shown)
    expect(
      JSON.stringify(lines.map(({ taskId, ...shown }: Line & { taskId?: string }) => shown)),
    ).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(JSON.stringify(lines)).not.toMatch(/gateway|job\.|element\./);
    // and the second activation of 单位审核 says it is the second
    expect(lines[3].round).toBe(2);
  });

  it('words the approval operations people do through the API: 催办, 转办 with its opinion, a completion comment', async () => {
    // given a registration waiting for 县公安局's leader
    const id = await s.start(
      'catalog-registration',
      'gaj.cataloguer',
      entryFields('XC-GAJ-8501', { resourceName: '出入境登记信息' }),
    );
    const approval = await s.openTask(id, 'unit-approval', 'gaj.leader');
    // when the starter urges it, the leader hands it to a colleague with a note, who approves with a comment
    const urged = await s.post(`/api/tasks/${approval.id}/urge`, 'gaj.cataloguer', { comment: '请尽快审核' });
    expect(urged.status, JSON.stringify(urged.body)).toBe(200);
    // and the leader's notice says what it is about and who urged, by name
    await s.settle();
    const notices = (await s.get('/api/notifications', 'gaj.leader')).body.items as {
      title: string;
      body: string;
      instanceId: string;
    }[];
    const notice = notices.find((n) => n.instanceId === id);
    expect(notice?.title).toContain('目录注册：出入境登记信息（县公安局 周编目）');
    expect(notice?.body).toBe('周编目（县公安局）：请尽快审核');
    const moved = await s.post(`/api/tasks/${approval.id}/transfer`, 'gaj.leader', {
      to: 'gaj.rectifier',
      comment: '请郑整改代为审核',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const done = await s.post(`/api/tasks/${approval.id}/complete`, 'gaj.rectifier', {
      variables: { decision: 'approve' },
      comment: '数据项齐全，同意报送',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // then the record says each act in words, with who and whom
    const lines = await record(id);
    expect(
      lines.map(
        (l) =>
          `${l.action}|${l.actorLabel}|${(l as { targets?: string[] }).targets?.join() ?? ''}|${l.opinion ?? ''}`,
      ),
    ).toEqual([
      '提交|周编目（县公安局）||',
      '催办|周编目（县公安局）||请尽快审核',
      '转办|吴局长（县公安局）|郑整改（县公安局）|请郑整改代为审核',
      '同意报送|郑整改（县公安局）||数据项齐全，同意报送',
    ]);
  });

  it('hands out distinct 业务编号 under concurrent starts, per process and per China year', async () => {
    await s.setClock('2026-12-31T20:00:00+08:00');
    const codes = ['XC-GAJ-8201', 'XC-GAJ-8202', 'XC-GAJ-8203', 'XC-GAJ-8204', 'XC-GAJ-8205'];
    const started = await Promise.all(
      codes.map((code) =>
        s.post('/api/process-instances', 'gaj.cataloguer', {
          processKey: 'catalog-registration',
          variables: entryFields(code),
        }),
      ),
    );
    const keys = started.map((r) => r.body.businessKey as string);
    expect(new Set(keys).size).toBe(5);
    for (const k of keys) expect(k).toMatch(/^ML-2026-\d{4}$/);
    // a given business key is kept as given
    const given = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      businessKey: 'GIVEN-1',
      variables: entryFields('XC-GAJ-8206'),
    });
    expect(given.body.businessKey).toBe('GIVEN-1');
    // 2027-01-01 00:30 China time (still 2026 in UTC) starts the 2027 sequence
    await s.setClock('2027-01-01T00:30:00+08:00');
    const next = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'catalog-registration',
      variables: entryFields('XC-GAJ-8207'),
    });
    expect(next.body.businessKey).toBe('ML-2027-0001');
    // and the monthly bulletin, started by its timer (09:00 on the 1st), is numbered too
    await s.setClock('2027-01-01T10:00:00+08:00');
    const bulletins = (await s.get('/api/process-instances?processKey=bulletin&pageSize=100', 'admin')).body
      .items as {
      businessKey: string;
      startedAt: string;
    }[];
    expect(bulletins.length).toBeGreaterThan(0);
    for (const b of bulletins) expect(b.businessKey).toMatch(/^TB-\d{4}-\d{4}$/);
    expect(new Set(bulletins.map((b) => b.businessKey)).size).toBe(bulletins.length);
    await s.setClock('2026-09-01T10:00:00+08:00');
  });

  it('the verifier sees the rectification report; round 2 sees why round 1 failed; the triage opinion travels', async () => {
    await s.setClock('2026-09-07T10:00:00+08:00');
    const entryId = await s.publishEntry(
      'gaj',
      entryFields('XC-GAJ-8301', { resourceName: '常住人口基本信息' }),
    );
    const id = await s.start('data-problem', 'wjj.feedback', {
      entryId,
      problemType: 'error',
      description: '出生日期与医保登记不一致',
      urgent: false,
    });
    expect((await s.instance(id)).businessKey).toMatch(/^WT-2026-\d{4}$/);
    const triage = await s.openTask(id, 'triage', 'governance');
    expect(triage.title).toBe(
      '问题反馈：常住人口基本信息 · 数据错误：出生日期与医保登记不一致（县卫生健康局 杨反馈）',
    );
    await s.complete(id, 'triage', 'governance', { decision: 'accept', comment: '请数源单位核实整改' });
    // the rectifier attaches the corrected records to the report
    const form = new FormData();
    form.append(
      'file',
      new File([new TextEncoder().encode('身份证号,出生日期\n')], '更正清单.csv', { type: 'text/csv' }),
    );
    const uploaded = await s.server.request('/api/attachments', {
      method: 'POST',
      as: 'gaj.rectifier',
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const fileId = ((await uploaded.json()) as { id: string }).id;
    await s.complete(id, 'rectify', 'gaj.rectifier', {
      explanation: '已按医保登记更正出生日期',
      fixedCount: 12,
      rectifyAttachments: [fileId],
    });

    // when the verifier opens 核验: the steps before it show the rectifier's report and the triage opinion
    const verify = await s.openTask(id, 'verify', 'governance');
    const seen = (await s.get(`/api/tasks/${verify.id}/record`, 'governance')).body;
    const rectified = (seen.previous as Line[]).find((l) => l.step === '整改反馈');
    expect(rectified?.actorLabel).toBe('郑整改（县公安局）');
    expect(rectified?.fields.map((f) => `${f.label}:${f.text}`)).toEqual([
      '整改说明:已按医保登记更正出生日期',
      '整改记录数:12',
      '整改材料:1 个附件',
    ]);
    // and the report's file is there, and the verifier may open it
    expect((rectified?.fields as { attachments?: string[] }[] | undefined)?.[2]?.attachments).toEqual([
      fileId,
    ]);
    expect((await s.get(`/api/attachments/${fileId}/meta`, 'governance')).status).toBe(200);
    expect((seen.previous as Line[]).find((l) => l.step === '受理分派')).toMatchObject({
      action: '受理并转数源单位整改',
      opinion: '请数源单位核实整改',
    });

    // when verification fails, round 2's rectifier sees why, and its task is round 2
    await s.complete(id, 'verify', 'governance', { decision: 'fail', comment: '仍有 3 条出生日期未更正' });
    const again = await s.openTask(id, 'rectify', 'gaj.rectifier');
    const theirs = (await s.get(`/api/tasks/${again.id}/record`, 'gaj.rectifier')).body;
    expect([seen.round, theirs.round]).toEqual([1, 2]);
    const failed = (theirs.previous as Line[]).find((l) => l.step === '核验');
    expect(failed).toMatchObject({
      action: '核验不通过',
      opinion: '仍有 3 条出生日期未更正',
      actorLabel: '赵治理（县大数据发展中心）',
      round: 1,
    });
    expect((theirs.previous as Line[]).some((l) => l.opinion === '请数源单位核实整改')).toBe(true);
  });

  it('numbers a process an administrator deploys by the pattern its diagram declares', async () => {
    // given an administrator deploys a new process with huiliu:businessKeyPattern (and who may start it)
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="leave-request" name="请假申请" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties>
      <zeebe:property name="huiliu:starters" value="unit.cataloguer" />
      <zeebe:property name="huiliu:businessKeyPattern" value="QJ-{yyyy}-{seq:3}" />
    </zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="approve" name="审批"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="unit.leader" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="approve" /><bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const deployed = await s.post('/api/deployments', 'admin', {
      resources: [{ name: 'leave-request.bpmn', content: xml }],
    });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    // when a cataloguer starts it twice
    const first = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'leave-request',
      variables: {},
    });
    const second = await s.post('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'leave-request',
      variables: {},
    });
    // then the instances are numbered by that pattern, and the task has a title naming the starter
    expect([first.body.businessKey, second.body.businessKey]).toEqual(['QJ-2026-001', 'QJ-2026-002']);
    const task = await s.openTask(first.body.id, 'approve', 'gaj.leader');
    expect(task.title).toBe('县公安局 周编目 发起');

    // a pattern that cannot number anything is refused at deployment, clearly, and nothing is deployed
    const bad = xml.replaceAll('leave-request', 'leave-bad').replace('QJ-{yyyy}-{seq:3}', 'QJ-{yyyy}');
    const refused = await s.post('/api/deployments', 'admin', {
      resources: [{ name: 'leave-bad.bpmn', content: bad }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(
      '流程 leave-bad 的业务编号格式“QJ-{yyyy}”无效：业务编号格式须含且仅含一个 {seq} 或 {seq:N}（N 为 1–9 位）',
    );
    expect((await s.get('/api/process-definitions/leave-bad', 'admin')).status).toBe(404);
  });

  it('refuses clearly, in Chinese, a record of an instance or task the reader may not see', async () => {
    const id = await s.start('catalog-registration', 'gaj.cataloguer', entryFields('XC-GAJ-8401'));
    const other = await s.get(`/api/process-instances/${id}/record`, 'rsj.cataloguer');
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(/不存在/);
    const task = await s.openTask(id, 'unit-approval', 'gaj.leader');
    const notTheirs = await s.get(`/api/tasks/${task.id}/record`, 'rsj.cataloguer');
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.error.message).toMatch(/不存在/);
    expect((await s.get('/api/process-instances/not-a-uuid/record', 'supervisor')).status).toBe(404);
  });

  it('names people with their units for the UI, leaving out who does not exist and whom the caller may not be shown', async () => {
    const r = await s.get('/api/people?usernames=gaj.cataloguer,nobody,reviewer', 'gaj.leader');
    expect(r.status).toBe(200);
    expect(r.body.items.map((p: { label: string }) => p.label).sort()).toEqual(
      ['周编目（县公安局）', '王审核（县大数据发展中心）'].sort(),
    );
    // another unit's cataloguer, on no instance 卫健委's contact may see, reads as unknown (server/approvals/people-scope.ts)
    const other = await s.get('/api/people?usernames=gaj.cataloguer,nobody,reviewer', 'wjj.feedback');
    expect(other.body.items.map((p: { label: string }) => p.label)).toEqual(['王审核（县大数据发展中心）']);
    const missing = await s.get('/api/people', 'wjj.feedback');
    expect(missing.status).toBe(400);
  });
});
