/** @module ui/components: small display components shared by pages. */
export { DueTag } from './due-tag';
export { HistoryTimeline, type HistoryTimelineProps } from './history-timeline';
export { VariablesView, type VariablesViewProps } from './variables-view';
