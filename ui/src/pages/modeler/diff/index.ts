/** @module ui/pages/modeler/diff: compare the canvas with the deployed version, on the canvas and as a list. */
export {
  compareDefinitions,
  type DiagramDiff,
  type DiffEntry,
  hasNoRealChange,
  isEmptyDiff,
} from './compare';
export { attrLabels, entryLabel, typeLabel } from './labels';
export { diffWithDeployed } from './deployed-diff';
export { clearDiff, DIFF_MARKERS, showDiff } from './show-diff';
