/**
 * @module Scenario over HTTP: data-problem feedback — deadlines across National Day 2026, unit visibility, 催办 on
 * working days, a failed verification and a second round, archive, statistics; bad input and 不予受理.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import {
  entryFields,
  type HttpScenario,
  openHttpScenario,
  taskTrail,
} from '../../server/testing/scenario-http';

describe.each(testDbKinds())('data-problem over HTTP on %s', (kind) => {
  let s: HttpScenario;
  let entryId: string;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
    // 县公安局 publishes the entry the problems are about (一数一源: 县公安局 is its source unit)
    await s.setClock('2026-09-01T10:00:00+08:00');
    entryId = await s.publishEntry('gaj', entryFields('XC-GAJ-7001', { resourceName: '常住人口基本信息' }));
  }, 120_000);
  afterAll(() => s?.close());

  const report = (problemType: string, description: string) =>
    s.start('data-problem', 'wjj.feedback', { entryId, problemType, description, urgent: false });
  const reminders = async (username: string, instanceId: string) =>
    (await s.get('/api/notifications', username)).body.items.filter(
      (n: { kind: string; instanceId: string }) => n.kind === 'reminder' && n.instanceId === instanceId,
    );

  it('routes to 县公安局, counts working days across National Day, reminds when overdue, reworks, archives and counts', async () => {
    // given 县卫生健康局 reports on Monday 2026-09-28, the last working week before National Day (10-01..10-07 off, Saturday 10-10 a make-up working day)
    await s.setClock('2026-09-28T10:00:00+08:00');
    const id = await report('error', '出生日期与医保登记不一致');
    // then triage is due in 2 working days (9-29, 9-30) at 23:59:59 China time
    const triage = await s.openTask(id, 'triage', 'governance');
    expect(triage.dueAt).toBe('2026-09-30T15:59:59.000Z');
    expect((await s.instance(id)).variables).toMatchObject({ sourceUnitId: 'gaj', entryCode: 'XC-GAJ-7001' });

    // when governance accepts the same day
    await s.complete(id, 'triage', 'governance', { decision: 'accept', comment: '请数源单位核实整改' });
    // then 县公安局's rectifier has the task, due 5 working days later: 9-29, 9-30, 10-08, 10-09 and the make-up Saturday 10-10
    const rectify = await s.openTask(id, 'rectify', 'gaj.rectifier');
    expect(rectify).toMatchObject({
      unitId: 'gaj',
      dueAt: '2026-10-10T15:59:59.000Z',
      dueProvisional: false,
      overdue: false,
    });
    // and another unit's rectifier can neither see nor complete it, nor a third unit reach the instance
    expect((await s.get(`/api/tasks/${rectify.id}`, 'wjj.rectifier')).status).toBe(404);
    expect(
      (
        await s.post(`/api/tasks/${rectify.id}/complete`, 'wjj.rectifier', {
          variables: { explanation: 'x', fixedCount: 1 },
        })
      ).status,
    ).toBe(404);
    expect(await s.openTasks(id, 'wjj.rectifier')).toEqual([]);
    expect((await s.get(`/api/process-instances/${id}`, 'rsj.cataloguer')).status).toBe(404);
    expect((await s.get(`/api/process-instances/${id}/history`, 'rsj.cataloguer')).status).toBe(404);
    expect((await s.get(`/api/process-instances/${id}`, 'gaj.rectifier')).status).toBe(200);

    // when the deadline passes: Sunday 10-11 is a day off, no 催办
    await s.setClock('2026-10-11T10:00:00+08:00');
    expect((await s.openTask(id, 'rectify', 'gaj.rectifier')).overdue).toBe(true);
    expect(await reminders('gaj.leader', id)).toHaveLength(0);
    // then on Monday 10-12 it is overdue by one working day and the leader and the supervisor are reminded
    await s.setClock('2026-10-12T10:00:00+08:00');
    const overdueMine = (await s.get('/api/tasks?overdue=true', 'gaj.rectifier')).body.items;
    expect(overdueMine.map((t: { id: string }) => t.id)).toContain(rectify.id);
    const supervised = async () =>
      (await s.get('/api/supervision/overdue', 'supervisor')).body.items.find(
        (o: { task: { id: string } }) => o.task.id === rectify.id,
      );
    expect(await supervised()).toMatchObject({
      unitId: 'gaj',
      unitName: '县公安局',
      dueAt: '2026-10-10T15:59:59.000Z',
      overdueWorkdays: 1,
    });
    for (const who of ['gaj.leader', 'supervisor']) {
      const got = await reminders(who, id);
      expect(got, who).toHaveLength(1);
      expect(got[0].title).toMatch(/^催办：.*XC-GAJ-7001/);
    }
    // and again on the next working day
    await s.setClock('2026-10-13T10:00:00+08:00');
    expect((await supervised()).overdueWorkdays).toBe(2);
    expect(await reminders('gaj.leader', id)).toHaveLength(2);
    expect(await reminders('supervisor', id)).toHaveLength(2);

    // when the rectifier reports and governance fails the verification
    await s.complete(id, 'rectify', 'gaj.rectifier', { explanation: '已核对户籍底册并更正', fixedCount: 28 });
    await s.complete(id, 'verify', 'governance', { decision: 'fail', comment: '仍有2条未更正' });
    // then a second round is due 5 working days after 10-13 (10-14, 15, 16, 19, 20)
    expect(await s.openTask(id, 'rectify', 'gaj.rectifier')).toMatchObject({
      dueAt: '2026-10-20T15:59:59.000Z',
      overdue: false,
    });
    expect((await s.instance(id)).variables.rounds).toBe(2);
    // when it is fixed and passes
    await s.setClock('2026-10-14T10:00:00+08:00');
    await s.complete(id, 'rectify', 'gaj.rectifier', { explanation: '剩余2条已更正', fixedCount: 2 });
    await s.complete(id, 'verify', 'governance', { decision: 'pass', comment: '核验通过' });

    // then it is archived, the reporter is told, and the statistics count it for 县公安局
    expect(await s.instance(id)).toMatchObject({
      status: 'completed',
      activeElementIds: [],
      variables: { outcome: 'archived' },
    });
    const told = (await s.get('/api/notifications', 'wjj.feedback')).body.items.filter(
      (n: { instanceId: string }) => n.instanceId === id,
    );
    expect(told.map((n: { title: string }) => n.title)).toEqual(['问题数据已整改归档：XC-GAJ-7001']);
    const stats = await s.get('/api/supervision/stats?from=2026-09-01&to=2026-12-31', 'supervisor');
    expect(stats.body.items.find((u: { unitId: string }) => u.unitId === 'gaj')).toMatchObject({
      problemsReceived: 1,
      problemsRectified: 1,
      rectifiedOnTime: 0,
      overdueNow: 0,
      reworkRounds: 1,
    });
    // and the history holds every round, who did it, and the three daily firings of the overdue timer (10-11..10-13)
    const history = await s.history(id);
    const trail = taskTrail(history);
    expect(trail).toEqual([
      '+triage',
      'triage@governance',
      '+rectify',
      'rectify@gaj.rectifier',
      '+verify',
      'verify@governance',
      '+rectify',
      'rectify@gaj.rectifier',
      '+verify',
      'verify@governance',
    ]);
    expect(history.filter((e) => e.type === 'timer.fired').map((e) => e.elementId)).toEqual([
      'rectify-overdue',
      'rectify-overdue',
      'rectify-overdue',
    ]);
    expect(history.map((e) => e.type)).toContain('instance.started');
    expect(history.at(-1)?.type).toBe('instance.completed');
    expect(history.map((e) => Date.parse(e.at))).toEqual(
      history.map((e) => Date.parse(e.at)).sort((a, b) => a - b),
    );
  });

  it('refuses an unknown triage decision with 422 and saves nothing, then ends 不予受理 with the reporter told', async () => {
    // given a second report
    await s.setClock('2026-10-15T10:00:00+08:00');
    const id = await report('other', '字段含义不清');
    const triage = await s.openTask(id, 'triage', 'governance');
    // when governance sends a decision the form does not know
    const bad = await s.post(`/api/tasks/${triage.id}/complete`, 'governance', {
      variables: { decision: 'maybe' },
    });
    // then 422 names the field, and the task, the instance and the history are as before
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).join(' ')).toMatch(/decision/);
    expect((await s.get(`/api/tasks/${triage.id}`, 'governance')).body).toMatchObject({ status: 'open' });
    expect((await s.instance(id)).activeElementIds).toEqual(['triage']);
    expect((await s.instance(id)).variables.decision).toBeUndefined();
    expect((await s.history(id)).filter((e) => e.type === 'task.completed')).toEqual([]);
    // when it is dismissed without a reason, that too is refused
    expect(
      (await s.post(`/api/tasks/${triage.id}/complete`, 'governance', { variables: { decision: 'dismiss' } }))
        .status,
    ).toBe(422);
    // when dismissed with a reason
    await s.complete(id, 'triage', 'governance', {
      decision: 'dismiss',
      comment: '属于业务咨询, 非数据问题',
    });
    // then the instance ends dismissed, the reporter is told why
    expect(await s.instance(id)).toMatchObject({ status: 'completed', variables: { outcome: 'dismissed' } });
    const told = (await s.get('/api/notifications', 'wjj.feedback')).body.items.filter(
      (n: { instanceId: string }) => n.instanceId === id,
    );
    expect(told.map((n: { body: string }) => n.body)).toEqual([
      '您反馈的问题不予受理。理由：属于业务咨询, 非数据问题',
    ]);
    const history = await s.history(id);
    expect(history.filter((e) => e.type === 'task.completed').map((e) => [e.elementId, e.actor])).toEqual([
      ['triage', 'governance'],
    ]);
    expect(history.map((e) => e.elementId)).not.toContain('rectify');
    expect(history.at(-1)?.type).toBe('instance.completed');
  });
});
