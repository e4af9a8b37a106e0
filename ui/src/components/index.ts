/** @module ui/components: small display components shared by pages. */
export { DueTag } from './due-tag';
export { HistoryTimeline, type HistoryTimelineProps } from './history-timeline';
export { AttachmentRef, EntryRef, UnitRef } from './ref-label';
export { VariablesView, type VariablesViewProps } from './variables-view';
