/**
 * @module startProcess / stepProcess: restore → send one event → persisted snapshot + the effects the step emitted.
 * Pure from the outside: time is the event's `at`, the calendar comes in options, effects go out in the result.
 * A step runs without a root XState actor (light-actor.ts) unless its snapshot has live children: those need one.
 */
import { type AnyActor, type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';
import { defaultCalendar } from '../calendar';
import type {
  CompiledProcess,
  Effect,
  EngineEvent,
  InstanceStatus,
  Json,
  StartInput,
  StepOptions,
  StepRejected,
  StepResult,
} from '../contract';
import { rootSpawnOf } from './children';
import { type Ctx, history, initialContext, runInStep, type StepEnv } from './context';
import { machineOf } from './library';
import { lightPersist, lightRestore, lightSend, lightStart, NEEDS_ACTOR } from './light-actor';

export function startProcess(process: CompiledProcess, input: StartInput, options?: StepOptions): StepResult {
  const env: StepEnv = {
    at: input.at,
    calendar: options?.calendar ?? defaultCalendar,
    actor: input.actor,
    effects: [],
  };
  if (input.startEventId && !startEventExists(process, input.startEventId)) {
    throw new Error(`process ${process.processId} has no start event ${input.startEventId}`);
  }
  const machine = machineOf(process);
  return runInStep(env, () => {
    const begin = () => {
      history(
        'instance.started',
        undefined,
        input.businessKey ? { businessKey: input.businessKey } : undefined,
      );
      return initialContext(
        { ...input.variables },
        { startEventId: input.startEventId, businessKey: input.businessKey },
      );
    };
    const light = lightStart(machine, begin());
    if (light !== NEEDS_ACTOR) return resultOf(machine, light, env.effects);
    // Something the light scope does not do: start over on a live actor, without what the attempt emitted.
    env.effects.length = 0;
    const actor = createActor(machine, { input: begin() });
    const failed = watchErrors(actor);
    actor.start();
    failed.rethrow();
    return resultOf(machine, actor.getSnapshot(), env.effects);
  });
}

export function stepProcess(
  process: CompiledProcess,
  snapshot: Json,
  event: EngineEvent,
  options?: StepOptions,
): StepResult | StepRejected {
  const actorName = 'actor' in event ? event.actor : undefined;
  const env: StepEnv = {
    at: event.at,
    calendar: options?.calendar ?? defaultCalendar,
    actor: actorName,
    effects: [],
  };
  const machine = machineOf(process);
  return runInStep(env, () => {
    // Most snapshots have no live child (side path, multi-instance body): run them without an actor (light-actor.ts).
    const spawner = spawnersOf(machine);
    const kind = eventKind(event);
    const restored = spawner.has(kind) ? NEEDS_ACTOR : lightRestore(machine, snapshot as any);
    if (restored !== NEEDS_ACTOR) {
      const r = sendOnce(restored, event, () => lightSend(machine, restored, event));
      if (r !== NEEDS_ACTOR) return isRejected(r) ? r : resultOf(machine, r, env.effects);
      // Something the light scope does not do: start over on a live actor, without what the attempt emitted.
      env.effects.length = 0;
      spawner.add(kind);
    }
    const actor = createActor(machine, { snapshot: snapshot as any });
    const failed = watchErrors(actor);
    actor.start();
    failed.rethrow();
    const r = sendOnce(actor.getSnapshot(), event, () => {
      actor.send(event);
      failed.rethrow();
      return actor.getSnapshot();
    });
    if (r === NEEDS_ACTOR) throw new Error('a live actor asked for a live actor');
    return isRejected(r) ? r : resultOf(machine, r, env.effects);
  });
}
// An event the light scope could not finish once goes to a live actor at once next time, instead of running half a
// transition first. Only the speed depends on this: both paths agree.
const spawners = new WeakMap<AnyStateMachine, Set<string>>();
const MAX_SPAWNERS = 500;
function spawnersOf(machine: AnyStateMachine): Set<string> {
  let set = spawners.get(machine);
  if (!set || set.size > MAX_SPAWNERS) {
    set = new Set();
    spawners.set(machine, set);
  }
  return set;
}
const eventKind = (e: EngineEvent) =>
  `${e.type}:${'elementId' in e ? e.elementId : ''}:${'messageName' in e ? e.messageName : ''}`;

type Sent = AnyMachineSnapshot | StepRejected | typeof NEEDS_ACTOR;
const isRejected = (r: AnyMachineSnapshot | StepRejected): r is StepRejected => 'rejected' in r;

/** Refuse what matches nothing, record a cancel request, then send (on the light path or a live actor). */
function sendOnce(
  before: AnyMachineSnapshot,
  event: EngineEvent,
  send: () => AnyMachineSnapshot | typeof NEEDS_ACTOR,
): Sent {
  const rejected = rejection(before, event);
  if (typeof rejected === 'string') return { rejected: true, reason: rejected };
  if (event.type === 'instance.cancel')
    history('instance.cancel.requested', undefined, event.reason ? { reason: event.reason } : undefined);
  const after = send();
  if (after === NEEDS_ACTOR) return after;
  // XState keeps the very same snapshot object when no transition was enabled: the event matched nothing.
  // (A forwarded event may leave the root unchanged; its child already said it accepts it.)
  if (!rejected.forwarded && after === before) {
    return { rejected: true, reason: `no active element accepts ${describe(event)}` };
  }
  return after;
}

/**
 * An exception inside a guard or action (a bug, or a machine stored by an older engine) must fail this step
 * where the caller can see it. Without an error observer XState rethrows it from a timer, which would bring
 * the whole server process down.
 */
function watchErrors(actor: AnyActor) {
  let error: unknown;
  let failed = false;
  actor.subscribe({
    error: (e) => {
      failed = true;
      error = e;
    },
  });
  return {
    rethrow() {
      if (failed) throw error instanceof Error ? error : new Error(String(error));
    },
  };
}

/** Why the event matches nothing (stale activation, fired-and-gone timer, finished instance), or whether it goes to a child. */
function rejection(snap: AnyMachineSnapshot, event: EngineEvent): string | { forwarded: boolean } {
  if (snap.status !== 'active') return `instance is ${snap.status === 'done' ? 'finished' : snap.status}`;
  // Events for a side path are forwarded by the root; the child decides whether it is stale.
  const sideOf: Record<string, string> = snap.machine.config.meta?.huiliu?.sideOf ?? {};
  const el =
    'elementId' in event
      ? event.elementId
      : event.type === 'incident.retry'
        ? /^(.*)#\d+!\d+$/.exec(event.incidentKey)?.[1]
        : undefined;
  // An incident the root itself holds (a multi-instance call's collection, say) is retried in the root.
  const rootIncident = event.type === 'incident.retry' && (snap.context as Ctx).open?.[event.incidentKey];
  if (el && sideOf[el] && !rootIncident) {
    const act =
      'activation' in event
        ? event.activation
        : Number(/#(\d+)!/.exec((event as { incidentKey: string }).incidentKey)?.[1]);
    const child = snap.children[`${sideOf[el]}#${rootSpawnOf(act)}`] as AnyActor | undefined;
    if (!child?.getSnapshot().can(event)) return `no active element accepts ${describe(event)}`;
    return { forwarded: true };
  }
  return { forwarded: false };
}

function describe(event: EngineEvent): string {
  if (event.type === 'timer.fire') return `timer ${event.timerKey}`;
  if (event.type === 'incident.retry') return `incident ${event.incidentKey}`;
  if ('elementId' in event)
    return `${event.type} for ${event.elementId}#${event.activation}${event.loopIndex === undefined ? '' : `/${event.loopIndex}`}`;
  return event.type;
}

function startEventExists(process: CompiledProcess, id: string): boolean {
  const states = (process.machine as any).states ?? {};
  // A token region (compile/token-scope.ts) keeps each start event in a region of its own.
  const state = states[id] ?? states.$tokens?.states?.[id]?.states?.[id];
  return ['startEvent', 'timerStartEvent', 'messageStartEvent', 'signalStartEvent'].includes(
    state?.meta?.bpmn?.kind,
  );
}

function resultOf(machine: AnyStateMachine, snap: AnyMachineSnapshot, effects: Effect[]): StepResult {
  if (snap.status === 'error') throw snap.error instanceof Error ? snap.error : new Error(String(snap.error));
  const ctx = snap.context as Ctx;
  const snapshot = withoutFinishedChildren(lightPersist(machine, snap) as Persisted) as unknown as Json;
  const activeElementIds = activeIds(snap);
  let status: InstanceStatus = 'active';
  if (snap.status === 'done') status = snap.value === '$cancelled' ? 'cancelled' : 'completed';
  else if (hasAnyIncident(snap)) status = 'incident';
  // A live actor is not stopped: nothing runs in the background (no delays, no invoked promises) and stop() costs a macrostep.
  return { snapshot, effects, status, activeElementIds, variables: ctx.vars };
}

type Persisted = { status?: string; children?: Record<string, { snapshot?: Persisted }> };

/**
 * XState keeps a child that reached its end (a side path or multi-instance body that finished) in its parent's
 * children, and so in every later snapshot. It accepts no event and holds nothing (the parent has taken its output),
 * but restoring it costs an actor per step and keeps the step off the actor-less path: it is not persisted.
 */
function withoutFinishedChildren(persisted: Persisted): Persisted {
  const children = persisted.children;
  let kept: typeof children;
  for (const id in children) {
    const child = children[id].snapshot;
    if (!child) continue;
    const next = child.status === 'done' ? undefined : withoutFinishedChildren(child);
    if (next === child) continue;
    kept ??= { ...children };
    if (next) kept[id] = { ...children[id], snapshot: next };
    else delete kept[id];
  }
  return kept ? { ...persisted, children: kept } : persisted;
}

type Snap = { status: string; context?: unknown; children: Record<string, AnyActor>; getMeta(): unknown };

function activeIds(snap: Snap): string[] {
  if (snap.status !== 'active') return [];
  const ids: string[] = [];
  for (const m of Object.values(snap.getMeta() as Record<string, { bpmn?: { id: string; block?: boolean } }>))
    if (m?.bpmn && !m.bpmn.block) ids.push(m.bpmn.id);
  for (const child of Object.values(snap.children)) ids.push(...activeIds(child.getSnapshot()));
  return ids;
}

function hasAnyIncident(snap: Snap): boolean {
  const open = (snap.context as Ctx | undefined)?.open ?? {};
  for (const k in open) if (open[k].t === 'incident') return true;
  return Object.values(snap.children).some((child) => hasAnyIncident(child.getSnapshot()));
}
