/** @module Public face of units as data: the list, the admin commands, the rules the import shares, the active check. */
export { assertUnitActive, type AuditContext, createUnit, updateUnit } from './manage-units';
export {
  codeIssue,
  kindIssue,
  kindOf,
  MAX_UNIT_NAME,
  nameIssue,
  UNIT_CODE_PATTERN,
  UNIT_KIND_LABELS,
} from './rules';
export {
  findUnitRow,
  inactiveAmong,
  insertUnits,
  listUnitRows,
  nextSortOrder,
  UNIT_KINDS,
  type UnitKind,
  type UnitRow,
  updateUnitRow,
} from './store';
