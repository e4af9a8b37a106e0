/**
 * @module Move transitions: the one engine primitive behind 退回 return, 撤回 withdraw and instance modification.
 * For every container of the machine (the root, a subprocess body, a parallel branch) and every element directly in
 * it, a `token.move` transition on the container targets that element. XState then does what BPMN needs: the
 * container's active descendants are exited (their exit actions cancel tasks, timers, jobs and subscriptions as any
 * interruption does) and the target is entered afresh (new activation, new due date). A transition on a container
 * is only enabled while that container is active, so a target in a branch or subprocess that holds no token, or in
 * another branch than the token's, matches nothing and the step is rejected. Multi-instance bodies and
 * non-interrupting side paths are separate machines: nothing moves into them.
 *
 * With a start form, the root also gets `$startStep`: the reopened start step (a task for the starter with the start
 * form, prefilled with the instance's variables) that withdraw and a return to the start lead to. Completing it
 * re-enters the none start event, which passes on as at the start.
 */
import type { Json } from '../contract';
import { esc } from './keys';

type Node = { [k: string]: any };

export const START_STEP = '$startStep';

/** Adds the move transitions (and the start step) to a compiled machine config, in place. */
export function addMoveTransitions(
  machine: Json,
  start?: { elementId: string; name?: string; formKey: string },
): void {
  const root = machine as Node;
  root.meta ??= {};
  root.meta.moves = true;
  if (start && root.states?.[start.elementId]) {
    root.states[START_STEP] = {
      meta: {
        bpmn: { id: start.elementId, kind: 'startEvent', ...(start.name ? { name: start.name } : {}) },
      },
      entry: [
        { type: 'element.activate', params: { el: start.elementId } },
        {
          type: 'startStep.open',
          params: { el: start.elementId, name: start.name ?? '发起', formKey: start.formKey },
        },
      ],
      exit: [{ type: 'element.close', params: { el: start.elementId } }],
      on: {
        'task.complete': [
          {
            guard: { type: 'task.matches', params: { el: start.elementId } },
            target: esc(start.elementId),
            actions: [
              { type: 'userTask.complete' },
              { type: 'element.complete', params: { el: start.elementId } },
            ],
          },
        ],
      },
    };
  }
  visit(root);
}

function visit(node: Node): void {
  const states: Record<string, Node> | undefined = node.states;
  if (!states) return;
  if (node.type !== 'parallel') {
    const moves: Node[] = [];
    const children: string[] = [];
    for (const [key, child] of Object.entries(states)) {
      const id: string | undefined = child.meta?.bpmn?.id;
      if (id) children.push(key === START_STEP ? START_STEP : id);
    }
    for (const { el, path } of targetsIn(states))
      moves.push({
        guard: { type: 'move.to', params: { el } },
        target: `.${path.map(esc).join('.')}`,
        actions: [{ type: 'move.apply', params: { el } }],
      });
    // Terminating the token of this container without activating another: the container's end
    // ('$join' of a branch, '$end' of a scope).
    const end = '$join' in states ? '$join' : '$end' in states ? '$end' : null;
    if (end && children.length)
      moves.push({
        guard: { type: 'move.exit', params: { els: children } },
        target: `.${end}`,
        actions: [{ type: 'move.apply', params: { el: null } }],
      });
    if (moves.length) {
      node.on ??= {};
      node.on['token.move'] = [...(node.on['token.move'] ?? []), ...moves];
    }
  }
  for (const child of Object.values(states)) visit(child);
}

/**
 * The elements a move on this container can enter: its own, and through subprocess bodies (entering a subprocess at
 * one of its elements, e.g. a return from after it to a step inside it) — never into parallel branches, where
 * entering one element would start the other branches from their beginning.
 */
function targetsIn(states: Record<string, Node>, prefix: string[] = []): { el: string; path: string[] }[] {
  const out: { el: string; path: string[] }[] = [];
  for (const [key, child] of Object.entries(states)) {
    const id: string | undefined = child.meta?.bpmn?.id;
    if (!id) continue;
    out.push({ el: key === START_STEP ? START_STEP : id, path: [...prefix, key] });
    if (child.states && child.type !== 'parallel') out.push(...targetsIn(child.states, [...prefix, key]));
  }
  return out;
}

/**
 * A machine compiled before moves existed (a definition an older engine deployed and that stays, identical XML not
 * being deployed again) gets them when the runtime loads it: transitions and the start step are only added, so its
 * instances' snapshots stay valid. `extra` lets other additive upgrades (加签) visit every state on the way.
 */
export function upgradeMachine(
  machine: Json,
  startFormKey: string | undefined,
  extra?: (state: Node) => void,
): void {
  const root = machine as Node;
  if (root.meta?.moves) return;
  if (extra) {
    const walk = (node: Node) => {
      for (const child of Object.values((node.states ?? {}) as Record<string, Node>)) {
        extra(child);
        walk(child);
      }
    };
    walk(root);
  }
  const start = Object.values((root.states ?? {}) as Record<string, Node>).find(
    (st) => st.meta?.bpmn?.kind === 'startEvent',
  );
  addMoveTransitions(
    machine,
    startFormKey && start
      ? { elementId: start.meta.bpmn.id, name: start.meta.bpmn.name, formKey: startFormKey }
      : undefined,
  );
}
