/**
 * @module catalog-change's own rules, run by the runtime before a start (workflows/workflow-checks.ts): the entry
 * exists, belongs to the starter's unit, is not retired and has no other change running; a revision keeps that
 * entry. The workers check again when they lock the entry (an incident, never a silent double change), and the
 * entry's unit against the starter's (job-checks.ts).
 */
import type { CompleteCheck } from '../../engine/runtime';
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { loadInstance } from '../../engine/store';
import { assertChangeAllowed } from '../catalog/services';
import { releaseEntryLock } from '../catalog/store';
import { findEntry } from '../catalog/store';
import { refuseMalformedEntryId, type WorkflowChecks } from '../workflow-checks';

/** A change lock left by an instance that was cancelled (or ended without releasing it) no longer blocks. */
const instanceRuns = (db: DbOrTx) => async (instanceId: string) => {
  const status = (await loadInstance(db, instanceId))?.status;
  return status === 'active' || status === 'incident';
};

/**
 * A returned request is revised, not redirected: the entry it names stays the one locked at the start (the lock
 * and the reviewers' diff are about it). Another unit's entry is a 403 (as at the start); any other entry a 422.
 */
async function sameEntryOnRevise({ db, task, variables, user }: CompleteCheck) {
  if (!('entryId' in variables)) return;
  const current = (await loadInstance(db, task.instanceId))?.variables?.entryId;
  const next = variables.entryId;
  if (next === current) return;
  if (typeof next === 'string' && UUID.test(next)) {
    const row = await findEntry(db, next);
    if (row && row.entry.unitId !== user.unitId)
      throw new AppError('FORBIDDEN', '只能对本单位的目录条目申请变更', {
        messageEn: "Only your own unit's entries can be changed",
      });
  }
  throw new AppError('VALIDATION_FAILED', '修改变更申请时不能更换目录条目', {
    messageEn: 'A revised change request must keep its catalog entry',
    details: [
      {
        path: '/entryId',
        field: '目录条目',
        message: '「目录条目」不能更换：变更申请针对发起时选定的条目',
        messageEn: 'Catalog entry cannot be replaced: the request is about the entry chosen at the start',
      },
    ],
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const catalogChangeChecks: WorkflowChecks = {
  beforeStartForm: refuseMalformedEntryId,
  async beforeStart({ db, variables, user }) {
    if (typeof variables.entryId === 'string')
      await assertChangeAllowed(db, variables.entryId, { actor: user, isInstanceActive: instanceRuns(db) });
  },
  /** A cancelled change request must not keep its entry locked against the next one. */
  async afterCancel({ db, instance }) {
    await releaseEntryLock(db, instance.id);
  },
  beforeComplete: sameEntryOnRevise,
};
