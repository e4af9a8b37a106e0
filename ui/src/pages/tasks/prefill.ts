/** @module ui/pages/tasks/prefill: which process variables pre-fill a task's form. */
import type { JsonSchema } from '../../forms';

/**
 * A task form opens with the instance's values for its fields (so `revise` shows the draft), except the
 * per-step answers `decision` and `comment`, which would otherwise carry an earlier round's answer into
 * this one. A form may opt a field out with `ui:options: {prefill: false}` or in with `prefill: true`.
 */
export function prefillFor(
  schema: JsonSchema | undefined,
  uiSchema: JsonSchema | undefined,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema?.properties ?? {})) {
    const opt = uiSchema?.[key]?.['ui:options']?.prefill as boolean | undefined;
    const wanted = opt ?? !['decision', 'comment'].includes(key);
    if (wanted && variables[key] !== undefined) out[key] = variables[key];
  }
  return out;
}
