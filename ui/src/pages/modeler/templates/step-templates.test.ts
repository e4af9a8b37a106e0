/** @module ui/pages/modeler/templates/step-templates.test: the presets are valid Camunda 8 templates that set what the shipped steps set. */
import { readFileSync } from 'node:fs';
import { validateAllZeebe } from '@bpmn-io/element-templates-validator';
import { describe, expect, it } from 'vitest';
import { STEPS, stepTemplates } from './step-templates';

describe('stepTemplates', () => {
  it('given both languages, when validated against the zeebe template schema, then there are no errors', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { valid, results } = validateAllZeebe(stepTemplates(lang));
      expect(
        results.flatMap((r: any) => r.errors ?? []),
        lang,
      ).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('given the shipped processes, when a preset names a form, then that form ships with them', () => {
    const shipped = ['catalog-registration', 'catalog-change', 'data-problem']
      .map((p) => readFileSync(`workflows/${p}/process.bpmn`, 'utf8'))
      .join('\n');
    for (const s of STEPS) {
      expect(shipped, s.id).toContain(`formId="${s.formId}"`);
      expect(shipped, s.id).toContain(`candidateGroups="${s.candidateGroups.replaceAll('"', '&quot;')}"`);
    }
  });
});
