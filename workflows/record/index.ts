/** @module Speaking office (issue #17): the approval record, people's display names, task titles, 业务编号. */
export {
  assignBusinessKey,
  businessKeyPatternIssue,
  formatBusinessKey,
  refuseBadBusinessKeyPatterns,
  BUSINESS_KEY_PROPERTY,
} from './business-key';
export { peopleLabels, type PersonLabel } from './people';
export { readInstanceRecord, type InstanceRecord } from './read-record';
export type { RecordField, RecordLine } from './record-lines';
export { instanceTitles, titleOf, withTitles } from './titles';
