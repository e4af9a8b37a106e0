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

/** A persisted snapshot restored without an actor, or NEEDS_ACTOR when it has children (they must be live). */
export function lightRestore(
  machine: AnyStateMachine,
  persisted: any,
): AnyMachineSnapshot | typeof NEEDS_ACTOR {
  for (const _ in persisted.children ?? {}) return NEEDS_ACTOR;
  return machine.restoreSnapshot(persisted, lightScope(() => undefined) as any) as AnyMachineSnapshot;
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
