/**
 * @module catalog-registration's own rules, run by the runtime (workflows/workflow-checks.ts): a resource code must be
 * free when the registration starts and again when the revise task changes it, so a taken code is a 409 to the
 * cataloguer now, not an incident at publish after the approvals.
 */
import { assertCodeAvailable } from '../catalog/services';
import type { WorkflowChecks } from '../workflow-checks';

export const catalogRegistrationChecks: WorkflowChecks = {
  async beforeStart({ db, variables }) {
    if (typeof variables.resourceCode !== 'string') return;
    await assertCodeAvailable(db, variables.resourceCode);
  },
  async beforeComplete({ db, task, variables }) {
    if (task.elementId === 'revise' && typeof variables.resourceCode === 'string')
      await assertCodeAvailable(db, variables.resourceCode);
  },
};
