/**
 * @module A step without an XState actor: restore → transition → snapshot, through the machine's own pure methods.
 * Creating and starting an actor for every step (its system, mailbox, observers, inspection) cost as much as the
 * transition itself. Without children there is nothing live to start, stop or send to, so the machine's
 * `restoreSnapshot` / `transition` / `getInitialSnapshot` are run against a minimal actor scope instead. Anything that
 * needs a live actor (spawning a side path, a delayed event, reaching the system) throws {@link NEEDS_ACTOR}, and the
 * caller reruns the step on a real actor from the same persisted snapshot (actions are pure apart from the effects
 * they emit into the step's environment, which the caller discards).
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';

/** The step needs a live actor; rerun it with createActor. */
export const NEEDS_ACTOR: unique symbol = Symbol('huiliu.needsActor');

const needsActor = (): never => {
  throw NEEDS_ACTOR;
};

// XState reports each microstep to the system's inspection; that is the one system member a childless step reads.
const inertSystem = new Proxy(
  { _sendInspectionEvent: () => {} },
  { get: (target, key) => (key === '_sendInspectionEvent' ? target._sendInspectionEvent : needsActor()) },
);

interface LightScope {
  self: unknown;
  id: string;
  sessionId: string;
  logger: (...args: unknown[]) => void;
  defer: (fn: () => void) => void;
  system: unknown;
  stopChild: (child: unknown) => void;
  emit: (event: unknown) => void;
  actionExecutor: (action: {
    exec?: (info: unknown, params: unknown) => void;
    info: unknown;
    params: unknown;
  }) => void;
}

function lightScope(current: () => AnyMachineSnapshot | undefined): LightScope {
  // `self` is what actions see; ours only read its snapshot (the one before the step, as an actor's would be).
  // Spawning reads `self.system` (a child's parent system): that is where a childless step stops being childless.
  const self = {
    id: 'huiliu',
    sessionId: 'huiliu',
    getSnapshot: current,
    get system() {
      return needsActor();
    },
    send: needsActor,
  };
  return {
    self,
    id: 'huiliu',
    sessionId: 'huiliu',
    logger: () => {},
    defer: needsActor,
    system: inertSystem,
    stopChild: needsActor,
    emit: needsActor,
    // A running actor executes these at once too (custom actions, the no-op execute of an immediate raise).
    actionExecutor: (action) => action.exec?.(action.info, action.params),
  };
}

// XState turns some exceptions into an error snapshot (a spawn inside the initial transition, say) instead of throwing.
const needed = (snap: AnyMachineSnapshot) =>
  snap.status === 'error' && snap.error === NEEDS_ACTOR ? NEEDS_ACTOR : snap;

/** The initial snapshot of a childless start, or NEEDS_ACTOR. Throws what a guard or action throws. */
export function lightStart(
  machine: AnyStateMachine,
  input: unknown,
): AnyMachineSnapshot | typeof NEEDS_ACTOR {
  try {
    return needed(
      machine.getInitialSnapshot(lightScope(() => undefined) as any, input) as AnyMachineSnapshot,
    );
  } catch (e) {
    if (e === NEEDS_ACTOR) return NEEDS_ACTOR;
    throw e;
  }
}

type Persisted = {
  status: string;
  output?: unknown;
  error?: unknown;
  value: unknown;
  historyValue?: Record<string, unknown>;
  context: unknown;
  children?: Record<string, unknown>;
};

const isEmpty = (o: object | undefined) => {
  for (const _ in o ?? {}) return false;
  return true;
};

// Restoring computes the active state nodes, the state value and the tags from the persisted value; they depend on
// the value alone, so each machine keeps them per value (bounded: token regions can make many values).
const restored = new WeakMap<AnyStateMachine, Map<string, AnyMachineSnapshot>>();
const MAX_VALUES = 1000;

/** A persisted snapshot restored without an actor, or NEEDS_ACTOR when it has children (they must be live). */
export function lightRestore(
  machine: AnyStateMachine,
  persisted: Persisted,
): AnyMachineSnapshot | typeof NEEDS_ACTOR {
  if (!isEmpty(persisted.children)) return NEEDS_ACTOR;
  // History states are revived node by node; no cache for those.
  if (!isEmpty(persisted.historyValue))
    return machine.restoreSnapshot(
      persisted as any,
      lightScope(() => undefined) as any,
    ) as AnyMachineSnapshot;
  let byValue = restored.get(machine);
  if (!byValue) {
    byValue = new Map();
    restored.set(machine, byValue);
  }
  const key = typeof persisted.value === 'string' ? persisted.value : JSON.stringify(persisted.value);
  let base = byValue.get(key);
  if (!base) {
    base = machine.restoreSnapshot(
      { status: 'active', value: persisted.value, historyValue: {}, context: {}, children: {} } as any,
      lightScope(() => undefined) as any,
    ) as AnyMachineSnapshot;
    if (byValue.size >= MAX_VALUES) byValue.clear();
    byValue.set(key, base);
  }
  // Our contexts hold no actor references, so there is nothing in them to revive.
  return {
    ...base,
    status: persisted.status,
    output: persisted.output,
    error: persisted.error,
    context: persisted.context,
  } as AnyMachineSnapshot;
}

/** The persisted form of a childless snapshot: XState's own, without its walk of the context for actor references. */
export function lightPersist(machine: AnyStateMachine, snap: AnyMachineSnapshot): Persisted {
  if (!isEmpty(snap.children) || !isEmpty(snap.historyValue))
    return machine.getPersistedSnapshot(snap) as Persisted;
  return {
    status: snap.status,
    output: snap.output,
    error: snap.error,
    value: snap.value,
    historyValue: {},
    context: snap.context,
    children: {},
  };
}

/** One event on a restored childless snapshot, or NEEDS_ACTOR. The same object back when nothing was enabled. */
export function lightSend(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: { type: string },
): AnyMachineSnapshot | typeof NEEDS_ACTOR {
  try {
    return needed(
      machine.transition(snapshot, event, lightScope(() => snapshot) as any) as AnyMachineSnapshot,
    );
  } catch (e) {
    if (e === NEEDS_ACTOR) return NEEDS_ACTOR;
    throw e;
  }
}
