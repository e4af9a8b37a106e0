/** @module Public face of the resource catalog (资源目录): tables, services, census, collections, pre-start checks and workers. */
export type { Actor } from './actor';
export {
  addSystem,
  assertSystemInCensus,
  type BuildMode,
  CENSUS_LABELS,
  type Deployment,
  editSystem,
  listSystems,
  listUncataloguedSystems,
  retireSystem,
  type SystemInput,
  type SystemStatus,
} from './census';
export {
  applyChanges,
  diffFields,
  ENTRY_FIELDS,
  type EntryFields,
  entryColumnsOf,
  pickEntryFields,
} from './fields';
export {
  catalogCollections,
  catalogEntries,
  catalogEntryVersions,
  catalogEvents,
  informationSystems,
} from './schema';
export {
  assertChangeAllowed,
  assertCodeAvailable,
  type EntryView,
  getEntry,
  listEntries,
  listEntriesPage,
} from './services';
export { releaseEntryLock } from './store';
export { nextCollectionDue, UPDATE_CYCLE_LABELS } from './update-cycle';
export { createCatalogWorkers } from './workers';
export { type CollectionInput, listCollections, recordCollection } from './record-collection';
export { countStaleByUnit, listStaleEntries, type StaleEntry, staleScope } from './stale-entries';
export { findSameItems, type SameItemEntry } from './same-items';
export { nextReminderAt, remindStaleEntries, startStaleReminders } from './stale-reminders';
export { valueTakenInCatalog } from './unique-values';
