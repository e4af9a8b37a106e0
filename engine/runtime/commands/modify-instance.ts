/**
 * @module modifyInstance (Operate's "modify"): activate elements and terminate others in one running instance, as
 * one `token.move`. Block-structured as our machines are, a scope (the process, a subprocess body, a parallel
 * branch) holds one token: activating an element moves the token of its scope there, terminating an element
 * without an activation in its scope ends that scope's token (a branch then waits at its join, a scope completes).
 * Refused with 400 and the element named: an unknown element, one inside a multi-instance body (it has no instance
 * to run in), one whose scope holds no token, terminating an element that is not active, and an activation that
 * would end an active element the request does not list in `terminate`.
 */
import { elementIdsOf, placesOf } from '../../index';
import type { Vars } from '../../contract';
import { AppError } from '../../../platform/errors';
import type { StepOutcome } from '../step';
import type { RuntimeContext, RuntimeUser } from '../types';
import { enteredBy, moveTokens } from './move-tokens';

export interface ModifyInput {
  instanceId: string;
  activate: { elementId: string; variables?: Vars }[];
  terminate: { elementId: string }[];
  comment?: string;
  user?: RuntimeUser;
}

const bad = (message: string, messageEn: string, elementId: string) =>
  new AppError('BAD_REQUEST', message, { messageEn, details: { elementId } });

export async function modifyInstance(rt: RuntimeContext, input: ModifyInput): Promise<StepOutcome> {
  if (!input.activate.length && !input.terminate.length)
    throw new AppError('BAD_REQUEST', '请至少指定一个要激活或终止的元素', {
      messageEn: 'name at least one element to activate or terminate',
    });
  return moveTokens(rt, input.instanceId, (instance, def) => {
    const places = placesOf(def.compiled);
    const all = elementIdsOf(def.compiled);
    const targets = input.activate.map((a) => a.elementId);
    for (const id of targets) {
      if (places.has(id)) continue;
      if (all.has(id))
        throw bad(
          `元素 ${id} 位于多实例子流程体或非中断边界路径内，不能在没有其实例的情况下激活`,
          `${id} is inside a multi-instance body or side path: it cannot be activated without its instance`,
          id,
        );
      throw bad(`流程中没有元素 ${id}`, `the process has no element ${id}`, id);
    }
    const terminate = input.terminate.map((t) => t.elementId);
    for (const id of terminate)
      if (!instance.activeElementIds.includes(id))
        throw bad(`元素 ${id} 当前未激活，不能终止`, `${id} is not active`, id);
    const variables: Vars = Object.assign({}, ...input.activate.map((a) => a.variables ?? {}));
    const base = {
      targets,
      history: 'instance.modified' as const,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(input.user ? { actor: input.user.username } : {}),
      ...(Object.keys(variables).length ? { variables } : {}),
    };
    // Terminations the activations do not already cause end their scope's token.
    const exits = terminate.filter((id) => !coveredBy(targets, id, places));
    return {
      event: exits.length ? { ...base, exits } : base,
      rejected: () =>
        bad(
          `元素 ${targets.join('、') || terminate.join('、')} 不能在此激活或终止：它所在的子流程或并行分支当前没有进行中的步骤`,
          `${targets.join(', ') || terminate.join(', ')} cannot be activated or terminated: its scope holds no token`,
          targets[0] ?? terminate[0],
        ),
      check: (result) => {
        const entered = enteredBy(result);
        for (const id of targets)
          if (!entered.has(id))
            throw bad(
              `元素 ${id} 不能在此激活：它所在的子流程或并行分支当前没有进行中的步骤`,
              `${id} cannot be activated: its subprocess or branch holds no token`,
              id,
            );
        const scopes = new Set([...places.values()].flatMap((p) => p.scopes));
        for (const id of instance.activeElementIds) {
          if (result.activeElementIds.includes(id) || terminate.includes(id) || scopes.has(id)) continue;
          if (targets.includes(id)) continue;
          throw bad(
            `激活会结束进行中的 ${id}，请在 terminate 中列出它`,
            `the activation would end active ${id}; list it in terminate`,
            id,
          );
        }
      },
    };
  });
}

/** Whether moving to one of `targets` already ends `id`: the target's scope encloses the element. */
function coveredBy(targets: string[], id: string, places: ReturnType<typeof placesOf>): boolean {
  const p = places.get(id);
  if (!p) return false;
  const prefix = (a: string[], b: string[]) => a.length <= b.length && a.every((x, i) => b[i] === x);
  return targets.some((t) => {
    const q = places.get(t);
    return !!q && prefix(q.regions, p.regions) && prefix(q.scopes, p.scopes);
  });
}
