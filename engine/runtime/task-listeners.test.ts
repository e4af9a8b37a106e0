/**
 * @module User task listeners through the durable runtime on both databases: creating and completing listeners
 * are jobs that workers complete (in the job loop's transactions) before the task opens and before the process
 * moves on; their variables reach the process.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/open-db';
import { openTestDatabase, testDbKinds } from '../../platform/db/testing';
import { jobs, userTasks } from '../store';
import type { Vars } from '../contract';
import type { JobWorker } from './types';
import { testRuntime, users } from './testing/harness';

const xml = readFileSync(new URL('../elements/task/user-task-listeners.bpmn', import.meta.url), 'utf8');

describe.each(testDbKinds())('user task listeners in the runtime on %s', (kind) => {
  let database: Database;
  let h: ReturnType<typeof testRuntime>;
  const ran: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Each run is recorded with the task listener event type its job carries (none for execution listeners).
    const worker =
      (type: string, variables: Vars = {}): JobWorker =>
      async (job) => {
        const event = job.headers['io.camunda.zeebe:taskListenerEventType'];
        ran.push(event ? `${type}:${event}` : type);
        return { variables };
      };
    h = testRuntime(database, {
      workers: {
        'audit.start': worker('audit.start'),
        'platform.register': worker('platform.register', { platformTaskId: 'P-1' }),
        'platform.file': worker('platform.file', { filed: true }),
        'audit.end': worker('audit.end'),
      },
    });
    await h.runtime.deployResources({ resources: [{ name: 'listeners.bpmn', content: xml }] });
  });
  afterAll(async () => database?.close());

  const runJobs = async () => {
    while ((await h.runtime.runDueJobs()) > 0);
  };
  const openTasks = (instanceId: string) =>
    database.db.select().from(userTasks).where(eq(userTasks.instanceId, instanceId));

  it('given an instance reaching 审核, when the workers run, then the creating listener ran before the task opened and the completing one before the instance ended', async () => {
    const inst = await h.runtime.startInstance({
      processKey: 'userTaskListeners',
      variables: { reviewer: users.reviewer.username },
      user: users.catA,
    });
    // no task until the start and creating listeners' jobs are done
    expect(await openTasks(inst.id)).toEqual([]);
    await runJobs();
    expect(ran).toEqual(['audit.start', 'platform.register:creating']);
    const [task] = await openTasks(inst.id);
    expect(task).toMatchObject({ elementId: 'review', status: 'open', assignee: users.reviewer.username });
    expect((await h.runtime.getInstance(inst.id)).variables.platformTaskId).toBe('P-1');
    // when the reviewer completes it, the completing listener and then the end listener run
    await h.runtime.completeUserTask({
      taskId: task?.id as string,
      variables: { decision: 'approve' },
      user: users.reviewer,
    });
    expect((await h.runtime.getInstance(inst.id)).status).toBe('active');
    await runJobs();
    expect(ran).toEqual([
      'audit.start',
      'platform.register:creating',
      'platform.file:completing',
      'audit.end',
    ]);
    const done = await h.runtime.getInstance(inst.id);
    expect(done).toMatchObject({ status: 'completed', variables: { decision: 'approve', filed: true } });
    const listenerJobs = await database.db.select().from(jobs).where(eq(jobs.instanceId, inst.id));
    expect(listenerJobs.map((j) => [j.type, j.status]).sort()).toEqual([
      ['audit.end', 'completed'],
      ['audit.start', 'completed'],
      ['platform.file', 'completed'],
      ['platform.register', 'completed'],
    ]);
  });
});
