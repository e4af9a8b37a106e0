/**
 * @module runImport: one workbook of one kind, dry run or commit. The commit checks and writes in one transaction
 * (all or nothing) and records `import.<kind>` in the audit log with it; a refused commit is audited as failed.
 * Who may import what is decided here, not in the route.
 */
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import type { ImportActor } from './actor';
import { importCatalog } from './catalog/import-catalog';
import type { Importer } from './importer';
import { loadWorkbook } from './read-workbook';
import { emptyReport, type ImportKind, type ImportReport, Issues } from './report';
import { importSystems } from './systems/import-systems';
import { importUnits } from './units/import-units';
import { importUsers } from './users/import-users';

const IMPORTERS: Record<ImportKind, Importer> = {
  units: importUnits,
  users: importUsers,
  catalog: importCatalog,
  systems: importSystems,
};

/** units, users: the security administrator; catalog, systems: the authority for any unit, a cataloguer for their own. */
export function assertMayImport(actor: Pick<ImportActor, 'roles'>, kind: ImportKind) {
  const allowed =
    kind === 'units' || kind === 'users'
      ? actor.roles.includes('security.admin')
      : actor.roles.includes('authority.admin') || actor.roles.includes('unit.cataloguer');
  if (!allowed)
    throw new AppError('FORBIDDEN', '无权执行此导入', { messageEn: 'You may not run this import' });
}

/** Thrown inside the transaction to roll back a commit whose check found errors. */
class Refused extends Error {}

export async function runImport(
  db: Db,
  kind: ImportKind,
  content: Uint8Array,
  opts: { actor: ImportActor; dryRun: boolean; now: Date },
): Promise<ImportReport> {
  assertMayImport(opts.actor, kind);
  const issues = new Issues();
  const report = emptyReport(kind, opts.dryRun);
  const workbook = await loadWorkbook(content, issues);
  const audit = {
    actor: opts.actor.username,
    ip: opts.actor.ip ?? null,
    action: `import.${kind}`,
    target: kind,
  };
  if (workbook) {
    const ctx = { actor: opts.actor, now: opts.now };
    const run = async (tx: Db | Parameters<Parameters<Db['transaction']>[0]>[0]) => {
      const checked = await IMPORTERS[kind](tx, workbook, ctx, issues);
      if (checked)
        Object.assign(report, {
          rows: checked.rows,
          created: checked.created,
          updated: checked.updated,
          unchanged: checked.unchanged,
        });
      if (opts.dryRun) return;
      if (!checked || issues.count > 0) throw new Refused();
      const extra = await checked.write(tx);
      if (extra?.oneTimePasswords) report.oneTimePasswords = extra.oneTimePasswords;
      const { rows, created, updated, unchanged } = report;
      await writeAudit(tx, {
        ...audit,
        outcome: 'ok',
        at: opts.now,
        details: { rows, created, updated, unchanged },
      });
    };
    try {
      if (opts.dryRun) await run(db);
      else await db.transaction(run);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
    }
  }
  report.errors = issues.finish();
  if (!opts.dryRun && report.errors.length)
    await writeAudit(db, {
      ...audit,
      outcome: 'failed',
      at: opts.now,
      details: { rows: report.rows, errors: issues.count },
    });
  return report;
}
