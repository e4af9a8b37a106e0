/**
 * @module A field a step hides (`fieldAccess`, #9) reaches no one through the instance's other read paths either:
 * the instance, the instance list, its history, both approval records, and the instance an act answers (退回).
 * Over HTTP on both databases: who may not see the field gets none of it anywhere; who may (a step that shows it,
 * the starter who typed it) still does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';
import { historyForReader, instanceForReader, recordForReader } from './reader-fields';

const SECRET = 'SECRET-内部-4711';
const ACCESS = JSON.stringify({ secret: 'hidden' }).replace(/"/g, '&quot;');
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://huiliu/test">
  <bpmn:process id="reader-fields" name="字段可见性" isExecutable="true">
    <bpmn:extensionElements><zeebe:properties><zeebe:property name="huiliu:starters" value="unit.cataloguer" /></zeebe:properties></bpmn:extensionElements>
    <bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="rf-start" /></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:userTask id="unitReview" name="单位审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="unit.leader" /><zeebe:formDefinition formId="rf-start" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="deptReview" name="主管部门审核">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="authority.reviewer" /><zeebe:formDefinition formId="rf-start" />
        <zeebe:taskHeaders><zeebe:header key="fieldAccess" value="${ACCESS}" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="unitReview" />
    <bpmn:sequenceFlow id="f2" sourceRef="unitReview" targetRef="deptReview" />
    <bpmn:sequenceFlow id="f3" sourceRef="deptReview" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the reader rule applied to what is answered (pure)', () => {
  const hidden = { 'entry.code': 'hidden', secret: 'hidden' } as const;
  it('given nested and top-level hidden paths, when an instance is answered, then exactly those values are gone', () => {
    const out = instanceForReader(
      { variables: { entry: { code: 'X', name: 'n' }, secret: 's', note: 'k' } },
      hidden,
    );
    expect(out.variables).toEqual({ entry: { name: 'n' }, note: 'k' });
  });
  it('given history, when answered, then each completion’s variables lose them and other events stay as they are', () => {
    const events = [
      {
        at: 't1',
        type: 'task.completed',
        data: { taskKey: 'k', comment: 'ok', variables: { secret: 's', note: 'k' } },
      },
      { at: 't2', type: 'instance.started' },
    ];
    expect(historyForReader(events, hidden)).toEqual([
      { at: 't1', type: 'task.completed', data: { taskKey: 'k', comment: 'ok', variables: { note: 'k' } } },
      { at: 't2', type: 'instance.started' },
    ]);
  });
  it('given a record line, when a part of a field is hidden, then the whole field (its text shows the parts) is left out', () => {
    const line = { at: 't', kind: 'submit', action: '提交', actionEn: 'Submitted', tone: 'submit' as const };
    const fields = ['entry', 'secret', 'note'].map((key) => ({ key, label: key, text: key }));
    expect(recordForReader([{ ...line, fields }], hidden)[0].fields.map((f) => f.key)).toEqual(['note']);
  });
});

describe.each(testDbKinds())('hidden fields on every read path over HTTP on %s', (kind) => {
  let server: TestServer;
  const call = async (path: string, as: string, json?: unknown) => {
    const res = await server.request(path, { as, ...(json !== undefined ? { method: 'POST', json } : {}) });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as any };
  };
  const openTask = async (instanceId: string, as: string) => {
    const page = await call(`/api/tasks?scope=all&processInstanceId=${instanceId}`, as);
    expect(page.body.items).toHaveLength(1);
    return page.body.items[0] as { id: string };
  };
  /** Every read path of the instance, as `as` gets it (each must answer 200). */
  const reads = async (id: string, as: string, taskId?: string) => {
    const paths = [
      `/api/process-instances/${id}`,
      '/api/process-instances?processKey=reader-fields&pageSize=100',
      `/api/process-instances/${id}/history`,
      `/api/process-instances/${id}/record`,
      ...(taskId ? [`/api/tasks/${taskId}/record`] : []),
    ];
    const out: Record<string, string> = {};
    for (const p of paths) {
      const r = await call(p, as);
      expect(r.status, `${as} ${p}: ${r.text}`).toBe(200);
      out[p] = r.text;
    }
    return out;
  };
  let id: string;
  let leaderTaskId: string;
  let reviewTaskId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    const form = await call('/api/forms', 'admin', {
      key: 'rf-start',
      title: '登记',
      schema: {
        type: 'object',
        properties: {
          code: { type: 'string', title: '代码' },
          secret: { type: 'string', title: '内部意见' },
        },
      },
      uiSchema: {},
    });
    expect(form.status).toBe(201);
    expect(
      (await call('/api/deployments', 'admin', { resources: [{ name: 'rf.bpmn', content: XML }] })).status,
    ).toBe(201);
    // given the cataloguer starts with the secret, the unit leader (whose step shows it) approves, and the
    // reviewer (whose step hides it) holds the next task
    const started = await call('/api/process-instances', 'gaj.cataloguer', {
      processKey: 'reader-fields',
      variables: { code: 'RF-1', secret: SECRET },
    });
    expect(started.status, started.text).toBe(201);
    id = started.body.id;
    leaderTaskId = (await openTask(id, 'gaj.leader')).id;
    const done = await call(`/api/tasks/${leaderTaskId}/complete`, 'gaj.leader', {
      variables: { code: 'RF-1', secret: SECRET },
      comment: '同意',
    });
    expect(done.status, done.text).toBe(200);
    reviewTaskId = (await openTask(id, 'reviewer')).id;
  }, 120_000);
  afterAll(() => server?.close());

  it('given a step that hides 内部意见, when its holder reads the instance, list, history and records, then the value is nowhere', async () => {
    // the task itself already hides it (the rule this reuses)
    expect((await call(`/api/tasks/${reviewTaskId}`, 'reviewer')).body.variables).not.toHaveProperty(
      'secret',
    );
    for (const [path, text] of Object.entries(await reads(id, 'reviewer', reviewTaskId))) {
      expect(text, path).not.toContain(SECRET);
    }
    const instance = (await call(`/api/process-instances/${id}`, 'reviewer')).body;
    expect(instance.variables).toMatchObject({ code: 'RF-1' });
    expect(instance.variables).not.toHaveProperty('secret');
    // the record still speaks of the other fields, and of the field's label nowhere
    const lines = (await call(`/api/process-instances/${id}/record`, 'reviewer')).body.lines as any[];
    const fields = lines.flatMap((l) => l.fields.map((f: any) => f.key));
    expect(fields).toContain('code');
    expect(fields).not.toContain('secret');
  });

  it('given the same instance, when someone whose step shows the field, or the starter who typed it, reads it, then they get it everywhere', async () => {
    for (const [as, taskId] of [
      ['gaj.leader', leaderTaskId],
      ['gaj.cataloguer', undefined],
    ] as const) {
      for (const [path, text] of Object.entries(await reads(id, as, taskId)))
        expect(text, `${as} ${path}`).toContain(SECRET);
    }
  });

  it('given the same instance, when a county-wide reader with no step in it reads it, then the field is withheld (the diagram named no one else)', async () => {
    for (const [path, text] of Object.entries(await reads(id, 'supervisor')))
      expect(text, path).not.toContain(SECRET);
  });

  it('given the reviewer returns the request, when the act answers the instance, then the field is not in it, and the instance still keeps it', async () => {
    const returned = await call(`/api/tasks/${reviewTaskId}/return`, 'reviewer', {
      toElementId: 'unitReview',
      comment: '请补充',
    });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.text).not.toContain(SECRET);
    expect(returned.body.instance.variables).toMatchObject({ code: 'RF-1' });
    expect((await call(`/api/process-instances/${id}`, 'gaj.leader')).body.variables.secret).toBe(SECRET);
  });
});
