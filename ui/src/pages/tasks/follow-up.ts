/**
 * @module ui/pages/tasks/follow-up: where a process went after 办结 when the next step is not the user's (#17: after the
 * final 核验通过 the drawer said "流程已进入下一环节（非本人办理）" while the process was only archiving and then ended).
 */
import { type InstanceStatus, instances, itemsOf, tasks } from '../../api';

export type FollowUp =
  | { kind: 'moved'; names: string[] }
  | { kind: 'ended'; status: InstanceStatus }
  | { kind: 'unknown' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open tasks of the instance the user can see name the next step; with none, the process is in automatic steps
 * (a service task such as archiving), which end within moments: wait a little for the instance to end.
 */
export async function followUp(instanceId: string, waits = 6, waitMs = 500): Promise<FollowUp> {
  const open = itemsOf(await tasks.list({ scope: 'all', processInstanceId: instanceId })).filter(
    (t) => t.status === 'open',
  );
  if (open.length) return { kind: 'moved', names: [...new Set(open.map((t) => t.name || t.elementId))] };
  for (let i = 0; i < waits; i++) {
    const instance = await instances.get(instanceId);
    if (instance.status !== 'active') return { kind: 'ended', status: instance.status };
    await sleep(waitMs);
  }
  return { kind: 'unknown' };
}
