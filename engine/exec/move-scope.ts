/**
 * @module Where an element sits in a compiled machine, for the refusals BPMN gives meaning to: a return may go to a
 * step in the same branch or outside the parallel block, never into another branch; nothing moves into a
 * multi-instance body or a non-interrupting side path (separate machines, not in the root's states).
 */
import type { CompiledProcess } from '../contract';
import { START_STEP } from '../compile/moves';

interface Place {
  /** The parallel branches (`split/flow`) the element is inside, outermost first. */
  regions: string[];
  /** The subprocesses the element is inside, outermost first. */
  scopes: string[];
}

const cache = new WeakMap<CompiledProcess, Map<string, Place>>();

export function placesOf(process: CompiledProcess): Map<string, Place> {
  const hit = cache.get(process);
  if (hit) return hit;
  const places = new Map<string, Place>();
  const walk = (node: any, regions: string[], scopes: string[]) => {
    for (const [key, child] of Object.entries((node?.states ?? {}) as Record<string, any>)) {
      const id: string | undefined = child?.meta?.bpmn?.id;
      if (id && key !== START_STEP) places.set(id, { regions, scopes });
      if (!child?.states) continue;
      if (child.type === 'parallel')
        for (const [flow, region] of Object.entries(child.states as Record<string, any>))
          walk(region, [...regions, `${key}/${flow}`], scopes);
      else walk(child, regions, id ? [...scopes, id] : scopes);
    }
  };
  walk(process.machine, [], []);
  cache.set(process, places);
  return places;
}

export interface Refusal {
  message: string;
  messageEn: string;
}

/** Why a token at `from` may not be moved back to `to` (退回), or null when it may. */
export function returnRefusal(process: CompiledProcess, from: string, to: string): Refusal | null {
  const places = placesOf(process);
  const src = places.get(from);
  const dst = places.get(to);
  if (!src)
    return {
      message: `步骤 ${from} 位于多实例子流程或边界路径内，不能退回`,
      messageEn: `step ${from} runs in a multi-instance body or boundary path; it cannot be returned`,
    };
  if (!dst)
    return {
      message: `目标步骤 ${to} 位于多实例子流程或边界路径内，不能退回到该步骤`,
      messageEn: `target ${to} runs in a multi-instance body or boundary path`,
    };
  const outside = dst.regions.find((r) => !src.regions.includes(r));
  if (outside && !src.regions.some((r) => r.split('/')[0] === outside.split('/')[0]))
    return {
      message: `目标步骤 ${to} 位于已汇合的并行分支内，不能从分支之外退回到该步骤`,
      messageEn: `target ${to} is inside a parallel block that has already joined; it cannot be returned to from outside`,
    };
  if (outside)
    return {
      message: `目标步骤 ${to} 在另一个并行分支中，只能退回到本分支或并行开始之前的步骤`,
      messageEn: `target ${to} is in another parallel branch; a return stays in its branch or goes before the split`,
    };
  return null;
}
