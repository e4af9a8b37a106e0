/**
 * @module catalog-registration's own rules, run by the runtime (workflows/workflow-checks.ts): a resource code must be
 * free when the registration starts and again when the revise task changes it, so a taken code is a 409 to the
 * cataloguer now, not an incident at publish after the approvals.
 */
import { assertSystemInCensus } from '../catalog/census';
import { assertCodeAvailable } from '../catalog/services';
import type { WorkflowChecks } from '../workflow-checks';
import { assertNoOpenRegistration, assertSharePeriodNotPast } from './open-registration';

export const catalogRegistrationChecks: WorkflowChecks = {
  async beforeStart({ db, variables, user, now }) {
    assertSharePeriodNotPast(variables.sharePeriod, now ?? new Date());
    if (typeof variables.resourceCode !== 'string') return;
    await assertCodeAvailable(db, variables.resourceCode);
    await assertNoOpenRegistration(db, variables.resourceCode);
    if (user.unitId && typeof variables.systemName === 'string' && variables.systemName.trim())
      await assertSystemInCensus(db, user.unitId, variables.systemName);
  },
  async beforeComplete({ db, task, variables, user }) {
    if (task.elementId === 'revise') assertSharePeriodNotPast(variables.sharePeriod, new Date());
    if (task.elementId === 'revise' && typeof variables.resourceCode === 'string') {
      await assertCodeAvailable(db, variables.resourceCode);
      await assertNoOpenRegistration(db, variables.resourceCode, task.instanceId);
    }
    // 普查 first (二(三)): a revised draft may not name a system outside the unit's census either.
    if (
      task.elementId === 'revise' &&
      user.unitId &&
      typeof variables.systemName === 'string' &&
      variables.systemName.trim()
    )
      await assertSystemInCensus(db, user.unitId, variables.systemName);
  },
};
