/** @module Public face of the Excel import and export (docs/api.md "Import and export"): run an import, templates, the catalog export. */
export type { ImportActor } from './actor';
export { type ExportFilter, exportCatalog } from './catalog/export-catalog';
export { IMPORT_PROCESS_KEY } from './catalog/write-catalog';
export {
  IMPORT_KINDS,
  type ImportIssue,
  type ImportKind,
  type ImportReport,
  MAX_LISTED_ISSUES,
} from './report';
export { assertMayImport, runImport } from './run-import';
export { buildTemplate } from './templates';
