/** @module Tests of the variables rule's declarations: the shipped forms never ask a user for a system variable. */
import { describe, expect, it } from 'vitest';
import { declaredFields } from '../forms';
import { isSystemVariable, SYSTEM_VARIABLES } from './variable-rules';
import { shippedWorkflows } from './shipped';

describe('system variables of the shipped workflows', () => {
  it('given each shipped process and the forms it deploys, when their fields are read, then none is a system variable', () => {
    for (const w of shippedWorkflows()) {
      expect(Object.keys(SYSTEM_VARIABLES), w.key).toContain(w.key);
      for (const r of w.resources.filter((x) => x.name.endsWith('.form.json'))) {
        const declared = declaredFields(JSON.parse(r.content).schema);
        expect(declared.any, r.name).toBe(false);
        const clash = !declared.any && declared.fields.filter((f) => isSystemVariable(w.key, f));
        expect(clash, `${w.key} ${r.name}`).toEqual([]);
      }
    }
  });

  it('given the engine’s own variables, when asked for any process, then they are system variables', () => {
    expect(isSystemVariable('some-admin-process', 'initiator')).toBe(true);
    expect(isSystemVariable('some-admin-process', 'initiatorUnitId')).toBe(true);
    expect(isSystemVariable('some-admin-process', 'sourceUnitId')).toBe(false);
    expect(isSystemVariable('data-problem', 'sourceUnitId')).toBe(true);
    expect(isSystemVariable('constructor', 'x')).toBe(false);
  });
});
