/** @module Public face of data-problem feedback (问题数据): the projection table, its workers and the pre-start check. */
export { PROBLEM_STATUSES, type ProblemStatus, problems } from './schema';
export { findProblem, type ProblemRow, syncProblemDeadlines } from './store';
export { assertProblemReportable, createProblemWorkers } from './workers';
export { refreshProblemWorkdays, workdaysToFix } from './workdays';
