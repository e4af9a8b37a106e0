/**
 * @module Messages, signals and decisions over HTTP on both databases (docs/api.md "Messages, signals, decisions"):
 * a published message correlates by its FEEL key or starts a process; a signal starts and triggers every listener;
 * a .dmn deployed with a process drives its business rule task and answers the evaluate endpoint; the bad input the
 * issue lists (a DMN that is not XML, a FEEL syntax error, a signal nobody hears) is answered as it says.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmnTable } from '../../engine/dmn/fixtures';
import { latestDefinition } from '../../engine/store';
import { hashPassword } from '../../identity/password';
import { userRoles, users } from '../../identity/schema';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';

const NS = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test"`;
const userTask = (id: string) =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="authority.admin" /></bpmn:extensionElements></bpmn:userTask>`;

/** 补充材料: the applicant's system sends the material for one application (correlation key = applicationId). */
const WAIT_MATERIAL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h8-material" name="等待补充材料" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:receiveTask id="waitMaterial" messageRef="msgMaterial" />
    ${userTask('check')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitMaterial" />
    <bpmn:sequenceFlow id="f2" sourceRef="waitMaterial" targetRef="check" />
    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
  </bpmn:process>
  <bpmn:message id="msgMaterial" name="h8.material">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements>
  </bpmn:message>
</bpmn:definitions>`;

/** A report from the data platform starts a case (message start). */
const REPORTED = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h8-reported" name="平台上报" isExecutable="true">
    <bpmn:startEvent id="onReport"><bpmn:messageEventDefinition messageRef="msgReport" /></bpmn:startEvent>
    ${userTask('triage')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="onReport" targetRef="triage" />
    <bpmn:sequenceFlow id="f2" sourceRef="triage" targetRef="end" />
  </bpmn:process>
  <bpmn:message id="msgReport" name="h8.reported" />
</bpmn:definitions>`;

/** 目录发布: a signal start, and a review interrupted by a county-wide halt (signal boundary). */
const SIGNALS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h8-on-publish" name="目录发布后核对" isExecutable="true">
    <bpmn:startEvent id="onPublished"><bpmn:signalEventDefinition signalRef="sigPublished" /></bpmn:startEvent>
    ${userTask('verify')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="onPublished" targetRef="verify" />
    <bpmn:sequenceFlow id="f2" sourceRef="verify" targetRef="end" />
  </bpmn:process>
  <bpmn:process id="h8-halt" name="可暂停的审核" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('review')}
    <bpmn:boundaryEvent id="halt" attachedToRef="review"><bpmn:signalEventDefinition signalRef="sigHalt" /></bpmn:boundaryEvent>
    <bpmn:endEvent id="reviewed" />
    <bpmn:endEvent id="halted" />
    <bpmn:sequenceFlow id="h1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="h2" sourceRef="review" targetRef="reviewed" />
    <bpmn:sequenceFlow id="h3" sourceRef="halt" targetRef="halted" />
  </bpmn:process>
  <bpmn:signal id="sigPublished" name="h8.catalog.published" />
  <bpmn:signal id="sigHalt" name="h8.county.halt" />
</bpmn:definitions>`;

/** A process that throws the halt signal itself (signal end event): its broadcast reaches the other instances. */
const THROWER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h8-thrower" name="发出暂停" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:endEvent id="sendHalt"><bpmn:signalEventDefinition signalRef="sigHalt" /></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sendHalt" />
  </bpmn:process>
  <bpmn:signal id="sigHalt" name="h8.county.halt" />
</bpmn:definitions>`;

/** 目录更新 heard twice in one instance: by an intermediate catch in one branch and a non-interrupting boundary in the other. */
const LISTENERS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h8-listeners" name="两处监听" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="split" />
    <bpmn:intermediateCatchEvent id="waitUpdate"><bpmn:signalEventDefinition signalRef="sigUpdated" /></bpmn:intermediateCatchEvent>
    ${userTask('work')}
    <bpmn:boundaryEvent id="noteUpdate" attachedToRef="work" cancelActivity="false"><bpmn:signalEventDefinition signalRef="sigUpdated" /></bpmn:boundaryEvent>
    <bpmn:scriptTask id="note"><bpmn:extensionElements><zeebe:script expression="=version" resultVariable="seen" /></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:endEvent id="noted" />
    <bpmn:parallelGateway id="join" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split" />
    <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="waitUpdate" />
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="work" />
    <bpmn:sequenceFlow id="f4" sourceRef="waitUpdate" targetRef="join" />
    <bpmn:sequenceFlow id="f5" sourceRef="work" targetRef="join" />
    <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="end" />
    <bpmn:sequenceFlow id="f7" sourceRef="noteUpdate" targetRef="note" />
    <bpmn:sequenceFlow id="f8" sourceRef="note" targetRef="noted" />
  </bpmn:process>
  <bpmn:signal id="sigUpdated" name="h8.catalog.updated" />
</bpmn:definitions>`;

/** 问题分级 with a decision table: the business rule task writes `level`, the gateway routes on it. */
const GRADE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h8-grade" name="问题分级" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:businessRuleTask id="grade">
      <bpmn:extensionElements><zeebe:calledDecision decisionId="h8Level" resultVariable="level" /></bpmn:extensionElements>
    </bpmn:businessRuleTask>
    <bpmn:exclusiveGateway id="route" default="toNormal" />
    ${userTask('urgent')}
    ${userTask('normal')}
    <bpmn:endEvent id="e1" />
    <bpmn:endEvent id="e2" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="grade" />
    <bpmn:sequenceFlow id="f2" sourceRef="grade" targetRef="route" />
    <bpmn:sequenceFlow id="toUrgent" sourceRef="route" targetRef="urgent"><bpmn:conditionExpression>=level = "紧急"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toNormal" sourceRef="route" targetRef="normal" />
    <bpmn:sequenceFlow id="f3" sourceRef="urgent" targetRef="e1" />
    <bpmn:sequenceFlow id="f4" sourceRef="normal" targetRef="e2" />
  </bpmn:process>
</bpmn:definitions>`;

const levelTable = (urgentFrom: number) =>
  dmnTable({
    id: 'h8Level',
    name: '问题等级',
    hitPolicy: 'FIRST',
    inputs: ['affectedUnits'],
    outputs: ['level'],
    rules: [
      { id: 'urgentRule', inputs: [`>= ${urgentFrom}`], outputs: ['"紧急"'] },
      { id: 'normalRule', inputs: ['-'], outputs: ['"一般"'] },
    ],
  });

describe.each(testDbKinds())('messages, signals and decisions over HTTP on %s', (kind) => {
  let server: TestServer;
  const post = async (path: string, json: unknown, as = 'admin') => {
    const res = await server.request(path, { method: 'POST', as, json });
    return { status: res.status, body: (await res.json()) as any };
  };
  const instance = async (id: string) =>
    (await (await server.request(`/api/process-instances/${id}`, { as: 'admin' })).json()) as any;
  const start = async (processKey: string, variables: Record<string, unknown> = {}) => {
    const r = await post('/api/process-instances', { processKey, variables });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const instancesOf = async (processKey: string) => {
    const res = await server.request(`/api/process-instances?processKey=${processKey}`, { as: 'admin' });
    const body = (await res.json()) as any;
    return (Array.isArray(body) ? body : body.items) as { id: string; status: string }[];
  };

  beforeAll(async () => {
    server = await createTestServer(kind);
    // An account other systems use (platform.integration), as a security administrator would create it.
    await server.deps.db
      .insert(users)
      .values({
        id: 'h8-platform',
        username: 'h8-platform',
        name: '县数据平台',
        unitId: 'dsj',
        passwordHash: await hashPassword('huiliu-demo'),
        demo: true,
      })
      .onConflictDoNothing();
    await server.deps.db.insert(userRoles).values({ userId: 'h8-platform', role: 'platform.integration' });
    const r = await post('/api/deployments', {
      resources: [
        { name: 'material.bpmn', content: WAIT_MATERIAL },
        { name: 'reported.bpmn', content: REPORTED },
        { name: 'signals.bpmn', content: SIGNALS },
        { name: 'thrower.bpmn', content: THROWER },
        { name: 'listeners.bpmn', content: LISTENERS },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  describe('POST /api/messages', () => {
    it('correlates to the instance whose FEEL correlation key evaluates to the key, and to no other', async () => {
      // given two instances waiting for material of different applications
      const a = await start('h8-material', { applicationId: 'SQ-001' });
      const b = await start('h8-material', { applicationId: 'SQ-002' });
      // when the platform publishes material for SQ-002
      const r = await post(
        '/api/messages',
        { name: 'h8.material', correlationKey: 'SQ-002', variables: { pages: 3 } },
        'h8-platform',
      );
      // then only b moved on, with the message's variables
      expect(r).toEqual({ status: 200, body: { correlated: 1 } });
      expect((await instance(b)).activeElementIds).toEqual(['check']);
      expect((await instance(b)).variables.pages).toBe(3);
      expect((await instance(a)).activeElementIds).toEqual(['waitMaterial']);
      // and a second publication for SQ-002 finds nobody waiting any more
      expect((await post('/api/messages', { name: 'h8.material', correlationKey: 'SQ-002' })).body).toEqual({
        correlated: 0,
      });
    });

    it('starts a process with that message start event, the correlation key as its business key', async () => {
      const before = (await instancesOf('h8-reported')).length;
      const r = await post('/api/messages', {
        name: 'h8.reported',
        correlationKey: 'RPT-9',
        variables: { x: 1 },
      });
      expect(r).toEqual({ status: 200, body: { correlated: 1 } });
      const after = await instancesOf('h8-reported');
      expect(after.length).toBe(before + 1);
    });

    it('refuses a caller without authority.admin or platform.integration, and a body without a correlation key', async () => {
      const denied = await post(
        '/api/messages',
        { name: 'h8.material', correlationKey: 'SQ-001' },
        'gaj.cataloguer',
      );
      expect(denied.status).toBe(403);
      const bad = await post('/api/messages', { name: 'h8.material' });
      expect(bad.status).toBe(400);
      // nothing changed: SQ-001 still waits
      const waiting = (await instancesOf('h8-material')).filter((i) => i.status === 'active');
      expect(waiting.length).toBeGreaterThan(0);
    });
  });

  describe('POST /api/signals', () => {
    it('starts every process with that signal start', async () => {
      const before = (await instancesOf('h8-on-publish')).length;
      const r = await post(
        '/api/signals',
        { name: 'h8.catalog.published', variables: { version: 4 } },
        'h8-platform',
      );
      expect(r).toEqual({ status: 200, body: { triggered: 1 } });
      expect((await instancesOf('h8-on-publish')).length).toBe(before + 1);
    });

    it('triggers every waiting boundary across instances, including a broadcast thrown by another process', async () => {
      // given two reviews that a halt interrupts
      const x = await start('h8-halt');
      const y = await start('h8-halt');
      // when another process ends with the halt signal
      const thrower = await start('h8-thrower');
      // then both reviews were halted in the thrower's transaction
      expect((await instance(thrower)).status).toBe('completed');
      for (const id of [x, y]) {
        const i = await instance(id);
        expect(i.status).toBe('completed');
        expect(i.activeElementIds).toEqual([]);
      }
    });

    it('reaches an intermediate catch and a non-interrupting boundary of one instance; the boundary keeps listening', async () => {
      const id = await start('h8-listeners');
      const first = await post('/api/signals', { name: 'h8.catalog.updated', variables: { version: 1 } });
      expect(first).toEqual({ status: 200, body: { triggered: 2 } });
      let i = await instance(id);
      expect(i.activeElementIds).toEqual(['work']);
      expect(i.variables.seen).toBe(1);
      const second = await post('/api/signals', { name: 'h8.catalog.updated', variables: { version: 2 } });
      expect(second.body).toEqual({ triggered: 1 });
      i = await instance(id);
      expect(i.variables.seen).toBe(2);
      expect(i.status).toBe('active');
    });

    it('refuses a signal loop (a process whose signal end starts itself again) with 409, and nothing is started', async () => {
      const loop = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS}>
  <bpmn:process id="h8-echo" name="回声" isExecutable="true">
    <bpmn:startEvent id="heard"><bpmn:signalEventDefinition signalRef="sigEcho" /></bpmn:startEvent>
    <bpmn:endEvent id="echo"><bpmn:signalEventDefinition signalRef="sigEcho" /></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="heard" targetRef="echo" />
  </bpmn:process>
  <bpmn:signal id="sigEcho" name="h8.echo" />
</bpmn:definitions>`;
      expect(
        (await post('/api/deployments', { resources: [{ name: 'echo.bpmn', content: loop }] })).status,
      ).toBe(201);
      const r = await post('/api/signals', { name: 'h8.echo' });
      expect(r.status).toBe(409);
      expect(r.body.error.message).toContain('信号循环');
      expect(await instancesOf('h8-echo')).toEqual([]);
    });

    it('answers 200 {triggered: 0} when nobody listens, and 403 to a caller without the roles', async () => {
      expect(await post('/api/signals', { name: 'h8.nobody.listens' })).toEqual({
        status: 200,
        body: { triggered: 0 },
      });
      expect((await post('/api/signals', { name: 'h8.county.halt' }, 'supervisor')).status).toBe(403);
    });
  });

  it('keeps the checksum of a process without decisions as before decisions existed (no new version after an upgrade)', async () => {
    const row = await latestDefinition(server.deps.db, 'h8-material');
    const before = createHash('sha256').update(`h8-material\n${WAIT_MATERIAL}\n[]`).digest('hex');
    expect(row?.checksum).toBe(before);
  });

  describe('DMN: .dmn in a deployment, a business rule task, POST /api/decisions/{id}/evaluate', () => {
    it('deploys the table with the process; the task routes on its result; the endpoint evaluates the latest version', async () => {
      const r = await post('/api/deployments', {
        resources: [
          { name: 'level.dmn', content: levelTable(3) },
          { name: 'grade.bpmn', content: GRADE },
        ],
      });
      expect(r.status).toBe(201);
      expect(r.body.decisions).toEqual([{ decisionId: 'h8Level', version: 1, name: '问题等级' }]);
      const urgent = await start('h8-grade', { affectedUnits: 4 });
      expect((await instance(urgent)).activeElementIds).toEqual(['urgent']);
      expect((await instance(urgent)).variables.level).toBe('紧急');
      const normal = await start('h8-grade', { affectedUnits: 1 });
      expect((await instance(normal)).activeElementIds).toEqual(['normal']);

      // the DMN editor lists the decision and opens its file
      const listed = (await (await server.request('/api/decisions', { as: 'admin' })).json()) as any[];
      expect(listed).toContainEqual(
        expect.objectContaining({
          decisionId: 'h8Level',
          version: 1,
          name: '问题等级',
          resourceName: 'level.dmn',
        }),
      );
      const opened = await server.request('/api/decisions/h8Level', { as: 'admin' });
      expect(opened.status).toBe(200);
      expect(((await opened.json()) as any).xml).toBe(levelTable(3));
      expect((await server.request('/api/decisions/h8Level', { as: 'gaj.cataloguer' })).status).toBe(403);
      expect((await server.request('/api/decisions/nope', { as: 'admin' })).status).toBe(404);

      const e = await post(
        '/api/decisions/h8Level/evaluate',
        { variables: { affectedUnits: 5 } },
        'h8-platform',
      );
      expect(e).toEqual({
        status: 200,
        body: { result: '紧急', decisionId: 'h8Level', version: 1, matchedRules: ['urgentRule'] },
      });
    });

    it('binds a process to the decision current at its deploy: a new table version reaches the process when it is redeployed', async () => {
      const r = await post('/api/deployments', {
        resources: [{ name: 'level.dmn', content: levelTable(10) }],
      });
      expect(r.status).toBe(201);
      expect(r.body.decisions).toEqual([{ decisionId: 'h8Level', version: 2, name: '问题等级' }]);
      expect(
        (await post('/api/decisions/h8Level/evaluate', { variables: { affectedUnits: 5 } })).body.result,
      ).toBe('一般');
      // the deployed process still runs version 1's table
      expect((await instance(await start('h8-grade', { affectedUnits: 5 }))).activeElementIds).toEqual([
        'urgent',
      ]);
      // redeploying the unchanged diagram binds version 2: a new process version
      const again = await post('/api/deployments', { resources: [{ name: 'grade.bpmn', content: GRADE }] });
      expect(again.status).toBe(201);
      expect((await instance(await start('h8-grade', { affectedUnits: 5 }))).activeElementIds).toEqual([
        'normal',
      ]);
    });

    it('refuses a .dmn that is not XML, and one with a FEEL syntax error naming the decision and the rule; nothing is deployed', async () => {
      const notXml = await post('/api/deployments', {
        resources: [{ name: 'broken.dmn', content: 'this is not a decision table' }],
      });
      expect(notXml.status).toBe(400);
      expect(notXml.body.error.code).toBe('DMN_INVALID');
      expect(notXml.body.error.message).toContain('broken.dmn');

      const badFeel = dmnTable({
        id: 'h8Bad',
        name: '坏表',
        inputs: ['amount'],
        outputs: ['ok'],
        rules: [{ id: 'brokenRange', inputs: ['[1..'], outputs: ['true'] }],
      });
      const r = await post('/api/deployments', {
        resources: [
          { name: 'bad.dmn', content: badFeel },
          { name: 'grade.bpmn', content: GRADE.replaceAll('h8-grade', 'h8-grade-bad') },
        ],
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('DMN_INVALID');
      expect(r.body.error.message).toContain('坏表');
      expect(r.body.error.details[0]).toMatchObject({
        decisionId: 'h8Bad',
        ruleId: 'brokenRange',
        resource: 'bad.dmn',
      });
      expect((await post('/api/decisions/h8Bad/evaluate', { variables: {} })).status).toBe(404);
      expect((await server.request('/api/process-definitions/h8-grade-bad', { as: 'admin' })).status).toBe(
        404,
      );
    });

    it('refuses a process calling a decision that was never deployed, naming the task', async () => {
      const r = await post('/api/deployments', {
        resources: [
          {
            name: 'g.bpmn',
            content: GRADE.replaceAll('h8Level', 'h8Missing').replaceAll('h8-grade', 'h8-g2'),
          },
        ],
      });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([
        expect.objectContaining({ code: 'DECISION_MISSING', elementId: 'grade' }),
      ]);
    });

    it('answers an evaluation that breaks its hit policy with 400 naming the decision, and an unknown decision with 404', async () => {
      const unique = dmnTable({
        id: 'h8Unique',
        inputs: ['n'],
        outputs: ['o'],
        rules: [
          { inputs: ['> 1'], outputs: ['"a"'] },
          { inputs: ['> 2'], outputs: ['"b"'] },
        ],
      });
      expect(
        (await post('/api/deployments', { resources: [{ name: 'u.dmn', content: unique }] })).status,
      ).toBe(201);
      const r = await post('/api/decisions/h8Unique/evaluate', { variables: { n: 5 } });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain('h8Unique');
      expect((await post('/api/decisions/nope/evaluate', { variables: {} })).status).toBe(404);
      expect(
        (await post('/api/decisions/h8Unique/evaluate', { variables: { n: 5 } }, 'gaj.cataloguer')).status,
      ).toBe(403);
    });
  });
});
