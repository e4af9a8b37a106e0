/**
 * @module A step without a root XState actor: restore → transition → snapshot, through the machine's own methods.
 * Creating and starting an actor for every step (its system, mailbox, observers, inspection) cost as much as the
 * transition itself, so the machine's `restoreSnapshot` / `transition` / `getInitialSnapshot` run against a minimal
 * actor scope that does the little a root actor does for our machines: deferred actions run after the transition,
 * and events sent to the root (a spawned child's done event) are processed after it, in order, like a mailbox.
 * A child spawned in the step is a real actor under it (on a system made for that step only). A snapshot that already
 * has children is not restored here: {@link NEEDS_ACTOR}, and the caller uses a live actor. So does anything else
 * this scope does not do (emitted events, say); the caller then reruns the step on an actor from the same persisted
 * snapshot (actions are pure apart from the effects they emit into the step's environment, which it discards).
 */
import {
  type AnyEventObject,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  fromTransition,
} from 'xstate';

/** The step needs a live actor; rerun it with createActor. */
export const NEEDS_ACTOR: unique symbol = Symbol('huiliu.needsActor');

const needsActor = (): never => {
  throw NEEDS_ACTOR;
};

// Until a spawn makes a real system, XState reads just one member: each microstep reports to its inspection.
const noInspection = () => {};
const noSystem = new Proxy({} as Record<string | symbol, unknown>, {
  get: (_target, key) => (key === '_sendInspectionEvent' ? noInspection : needsActor()),
});
const systemLogic = fromTransition((s: null) => s, null);

interface LightScope {
  self: unknown;
  id: string;
  sessionId: string;
  logger: (...args: unknown[]) => void;
  defer: (fn: () => void) => void;
  system: unknown;
  stopChild: (child: { _stop(): void }) => void;
  emit: (event: unknown) => void;
  actionExecutor: (action: {
    exec?: (info: unknown, params: unknown) => void;
    info: unknown;
    params: unknown;
  }) => void;
}

/** One step's scope: the snapshot actions see as `self`'s, the deferred actions and the root's mailbox. */
class Light {
  current: AnyMachineSnapshot | undefined;
  readonly deferred: (() => void)[] = [];
  readonly mailbox: AnyEventObject[] = [];
  private realSystem: unknown;
  readonly scope: LightScope;

  constructor(current?: AnyMachineSnapshot) {
    this.current = current;
    // Only a spawn needs a real system (its child registers there); a step without one must not pay for it.
    const system = () => {
      this.realSystem ??= createActor(systemLogic).system;
      return this.realSystem as Record<string | symbol, unknown>;
    };
    const self = {
      id: 'huiliu',
      sessionId: 'huiliu',
      getSnapshot: () => this.current,
      get system() {
        return system();
      },
      // A child's done (or error) event comes here through the system's relay.
      _send: (event: AnyEventObject) => this.mailbox.push(event),
      send: (event: AnyEventObject) => this.mailbox.push(event),
    };
    const light = this;
    this.scope = {
      self,
      id: 'huiliu',
      sessionId: 'huiliu',
      logger: () => {},
      defer: (fn) => this.deferred.push(fn),
      // Every action's arguments read the system: the real one once a spawn made it.
      get system() {
        return light.realSystem ?? noSystem;
      },
      stopChild: (child) => child._stop(),
      emit: needsActor,
      // A running actor executes these at once too (custom actions, the no-op execute of an immediate raise).
      actionExecutor: (action) => action.exec?.(action.info, action.params),
    };
  }

  /** What a root actor does after each transition: run the deferred actions, then the events sent to it meanwhile. */
  settle(machine: AnyStateMachine, snap: AnyMachineSnapshot): AnyMachineSnapshot {
    for (;;) {
      this.current = snap;
      for (let fn = this.deferred.shift(); fn; fn = this.deferred.shift()) fn();
      const event = this.mailbox.shift();
      if (!event || snap.status !== 'active') return snap;
      snap = machine.transition(snap, event, this.scope as any) as AnyMachineSnapshot;
    }
  }
}

// XState turns some exceptions into an error snapshot (one inside the initial transition, say) instead of throwing.
const needed = (snap: AnyMachineSnapshot) =>
  snap.status === 'error' && snap.error === NEEDS_ACTOR ? NEEDS_ACTOR : snap;

/** The initial snapshot of a start, or NEEDS_ACTOR. Throws what a guard or action throws. */
export function lightStart(
  machine: AnyStateMachine,
  input: unknown,
): AnyMachineSnapshot | typeof NEEDS_ACTOR {
  try {
    const light = new Light();
    const first = machine.getInitialSnapshot(light.scope as any, input) as AnyMachineSnapshot;
    return needed(first.status === 'error' ? first : light.settle(machine, first));
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
    return machine.restoreSnapshot(persisted as any, new Light().scope as any) as AnyMachineSnapshot;
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
      new Light().scope as any,
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
    const light = new Light(snapshot);
    const next = machine.transition(snapshot, event, light.scope as any) as AnyMachineSnapshot;
    return needed(next === snapshot || next.status === 'error' ? next : light.settle(machine, next));
  } catch (e) {
    if (e === NEEDS_ACTOR) return NEEDS_ACTOR;
    throw e;
  }
}
