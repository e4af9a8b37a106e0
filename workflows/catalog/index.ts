/** @module Public face of the resource catalog (资源目录): tables, services, pre-start checks and workers. */
export { applyChanges, diffFields, ENTRY_FIELDS, type EntryFields, pickEntryFields } from './fields';
export { catalogEntries, catalogEntryVersions, catalogEvents, informationSystems } from './schema';
export {
  type Actor,
  addSystem,
  assertChangeAllowed,
  assertCodeAvailable,
  editSystem,
  type EntryView,
  getEntry,
  listEntries,
  listEntriesPage,
  listSystems,
} from './services';
export { releaseEntryLock } from './store';
export { createCatalogWorkers } from './workers';
