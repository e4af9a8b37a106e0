/** @module The engine's public face: compile BPMN, start and step instances (pure), and the contract types. */
export { compileBpmn } from './compile/compile-bpmn';
export { startProcess, stepProcess } from './exec/step';
export type * from './contract';
export { ELEMENT_KINDS, type ElementKind } from './types';
export { START_STEP } from './compile/moves';
export {
  elementIdsOf,
  type Mapping,
  type Migrated,
  migratableIdsOf,
  migrateSnapshot,
} from './exec/migrate';
export { placesOf, type Refusal, returnRefusal } from './exec/move-scope';
export { upgradeCompiled } from './exec/upgrade';
