/**
 * @module data-problem's own rule, run by the runtime before a start (workflows/workflow-checks.ts): a problem is
 * reported on an entry that exists and is not retired (404/409 now; `problems.route` checks again).
 */
import { assertProblemReportable } from '../problems/workers';
import { refuseMalformedEntryId, type WorkflowChecks } from '../workflow-checks';

export const dataProblemChecks: WorkflowChecks = {
  beforeStartForm: refuseMalformedEntryId,
  async beforeStart({ db, variables }) {
    if (typeof variables.entryId === 'string') await assertProblemReportable(db, variables.entryId);
  },
};
