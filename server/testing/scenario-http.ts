/**
 * @module HTTP scenario helper: drives the shipped processes through the API only (login per demo user, the test
 * clock, task lookup by element id), so a scenario reads as what users and the UI do.
 */
import { expect } from 'vitest';
import type { TestDbKind } from '../../platform/db/testing';
import { createTestServer, type TestServer } from './test-server';

/** Response bodies are asserted on, not typed. */
export type Body = any;
export interface Reply {
  status: number;
  body: Body;
}
export interface HistoryEvent {
  at: string;
  type: string;
  elementId?: string;
  actor?: string;
  data?: Record<string, unknown>;
}

export async function openHttpScenario(kind: TestDbKind) {
  const server: TestServer = await createTestServer(kind);
  // 普查 first (#11): the systems `entryFields` names are in their units' census, registered as cataloguers do.
  for (const [as, name] of [
    ['gaj.cataloguer', '人口信息管理系统'],
    ['wjj.cataloguer', '全民健康信息平台'],
  ]) {
    const res = await server.request('/api/catalog/systems', { method: 'POST', as, json: { name } });
    if (res.status !== 201) throw new Error(`census ${name}: ${res.status} ${await res.text()}`);
  }

  async function call(method: string, path: string, as: string, json?: unknown): Promise<Reply> {
    const res = await server.request(path, { method, as, json });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') ? await res.json() : await res.arrayBuffer() };
  }
  const get = (path: string, as: string) => call('GET', path, as);
  const post = (path: string, as: string, json: unknown = {}) => call('POST', path, as, json);

  /** Moves the test clock; every timer due by then has fired (and its jobs run) when this returns. */
  async function setClock(now: string) {
    const r = await call('PUT', '/api/test/clock', 'admin', { now });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }

  /**
   * Runs the jobs that are ready now (service tasks, notifications). The test server starts no pollers, so work
   * after a user step waits for the clock: setting it to its own time runs that work before answering.
   */
  async function settle() {
    const r = await get('/api/test/clock', 'admin');
    await setClock(r.body.now);
  }

  /** Starts a process as `as`; fails the test with the server's answer when it is not 201. */
  async function start(processKey: string, as: string, variables: Record<string, unknown>) {
    const r = await post('/api/process-instances', as, { processKey, variables });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await settle();
    return r.body.id as string;
  }

  /** The open tasks of an instance as `as` sees them (scope=all). */
  async function openTasks(instanceId: string, as: string) {
    const r = await get(`/api/tasks?scope=all&processInstanceId=${instanceId}`, as);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.items as Body[];
  }

  /** The one open task `elementId` of an instance, as `as` sees it; fails the test when there is none. */
  async function openTask(instanceId: string, elementId: string, as: string) {
    const tasks = await openTasks(instanceId, as);
    const task = tasks.find((t) => t.elementId === elementId);
    expect(
      task,
      `${as} sees no open ${elementId}; open: ${tasks.map((t) => t.elementId).join(', ')}`,
    ).toBeDefined();
    return task as Body;
  }

  /** Completes the open task `elementId` as `as` and expects 200; returns the task. */
  async function complete(
    instanceId: string,
    elementId: string,
    as: string,
    variables: Record<string, unknown>,
  ) {
    const task = await openTask(instanceId, elementId, as);
    const r = await post(`/api/tasks/${task.id}/complete`, as, { variables });
    expect(r.status, `complete ${elementId}: ${JSON.stringify(r.body)}`).toBe(200);
    await settle();
    return task;
  }

  const instance = async (id: string, as = 'supervisor') =>
    (await get(`/api/process-instances/${id}`, as)).body;
  const history = async (id: string, as = 'supervisor') =>
    (await get(`/api/process-instances/${id}/history`, as)).body as HistoryEvent[];

  /**
   * Registers and publishes an entry of `unit` ('gaj', 'wjj', ...) the way users do: its cataloguer starts, its
   * leader and the reviewer approve. Returns the published entry's id.
   */
  async function publishEntry(unit: string, fields: Record<string, unknown>) {
    const id = await start('catalog-registration', `${unit}.cataloguer`, fields);
    await complete(id, 'unit-approval', `${unit}.leader`, { decision: 'approve' });
    await complete(id, 'authority-review', 'reviewer', { decision: 'approve' });
    const inst = await instance(id);
    expect(inst.variables.catalogEntryId, JSON.stringify(inst)).toEqual(expect.any(String));
    return inst.variables.catalogEntryId as string;
  }

  return {
    server,
    call,
    get,
    post,
    setClock,
    settle,
    start,
    publishEntry,
    openTasks,
    openTask,
    complete,
    instance,
    history,
    close: () => server.close(),
  };
}

export type HttpScenario = Awaited<ReturnType<typeof openHttpScenario>>;

/** A complete, valid catalog entry (start form `catalog-entry`) of 县公安局's 人口信息管理系统; override to vary it. */
export function entryFields(resourceCode: string, overrides: Record<string, unknown> = {}) {
  return {
    systemName: '人口信息管理系统',
    businessName: '户籍管理',
    resourceName: '常住人口信息',
    resourceCode,
    category: 'basic',
    dataItems: [
      { name: '公民身份号码', type: 'string', length: 18, sensitive: true },
      { name: '出生日期', type: 'date', sensitive: true },
    ],
    storageFormat: 'database',
    shareType: 'conditional',
    shareCondition: '政务服务身份核验',
    openType: 'forbidden',
    provision: 'api',
    updateCycle: 'daily',
    sharePeriod: 'long-term',
    ...overrides,
  };
}

/** The task rounds of a history in order: `+revise` when a task is created, `revise@gaj.cataloguer` when completed. */
export function taskTrail(events: HistoryEvent[]) {
  return events
    .filter((e) => e.type === 'task.created' || e.type === 'task.completed')
    .map((e) => (e.type === 'task.created' ? `+${e.elementId}` : `${e.elementId}@${e.actor}`));
}
