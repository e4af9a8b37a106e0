/** @module ui/components: small display components shared by pages. */
export { DueTag } from './due-tag';
export { HistoryTimeline, type HistoryTimelineProps } from './history-timeline';
export { AttachmentRef, EntryRef, UnitRef } from './ref-label';
export { VariablesView, type VariablesViewProps } from './variables-view';
export { ApprovalRecord, InstanceApprovalRecord, TaskApprovalRecord } from './approval-record';
export { PersonName } from './approval-record-person';
export { PreviousSteps } from './approval-record-previous';
