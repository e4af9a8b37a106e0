/**
 * @module catalog-change's rules for its service tasks, run before the catalog workers (workflows/workers.ts): the
 * entry being locked or changed belongs to the starter's unit. The start and the `revise` completion refuse
 * another unit's entry already (checks.ts); this holds even for an instance that got past them (started before
 * the rule, or variables written by other means), as an incident rather than a silent change of another unit's
 * catalog (docs/processes.md: the starter is the cataloguer *of the entry's unit*).
 */
import { AppError } from '../../platform/errors';
import * as store from '../catalog/store';
import { need, type WorkflowJob } from '../worker-types';

export async function assertEntryOfStarterUnit(job: WorkflowJob): Promise<void> {
  const entryId = need(job.variables, 'entryId');
  const unitId = need(job.variables, 'initiatorUnitId');
  const row = await store.findEntry(job.tx, entryId);
  if (row && row.entry.unitId !== unitId) {
    throw new AppError(
      'FORBIDDEN',
      `目录条目 ${row.entry.code} 属于${row.unitName}，不能由其他单位（${unitId}）发起的流程变更或注销`,
      {
        messageEn: `Entry ${row.entry.code} belongs to ${row.entry.unitId}; a process started by unit ${unitId} may not change or retire it`,
      },
    );
  }
}

/** Job type → the check that runs before its worker, for catalog-change jobs. */
export const catalogChangeJobChecks: Record<string, (job: WorkflowJob) => Promise<void>> = {
  'catalog.check-change': assertEntryOfStarterUnit,
  'catalog.apply-change': assertEntryOfStarterUnit,
};
