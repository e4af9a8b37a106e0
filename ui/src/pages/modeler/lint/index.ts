/** @module ui/pages/modeler/lint: live lint of the diagram with rules mirroring the server's deploy validation. */
export { HUILIU_RULES, type LintConfig, lintConfig } from './config';
export { type LintIssue, lintDefinitions } from './lint-definitions';
export type { XmlSource } from './server-check';
