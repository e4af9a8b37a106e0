/** @module ui/pages/modeler/lint/lint-definitions: lint a BPMN document outside the modeler (tests, scripts) with the modeler's rules. */
import { Linter } from 'bpmnlint';
import type { Lang } from '../../../i18n';
import { lintConfig } from './config';
import type { XmlSource } from './server-check';

export interface LintIssue {
  rule: string;
  elementId: string;
  message: string;
  category: 'error' | 'warn';
}

/** All reports for parsed definitions (bpmn-moddle, zeebe extension), flattened; with `xml`, the server rules too. */
export async function lintDefinitions(
  definitions: unknown,
  lang: Lang = 'zh',
  xml?: XmlSource,
): Promise<LintIssue[]> {
  const results = await new Linter(lintConfig(lang, xml)).lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((r) => ({
      rule,
      elementId: r.id ?? '',
      message: r.message,
      category: r.category as LintIssue['category'],
    })),
  );
}
