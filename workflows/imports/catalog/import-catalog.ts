/** @module The catalog importer: parse 目录 and 数据项, check, and (on commit) publish versions. */
import type { Importer } from '../importer';
import { checkCatalog } from './check-catalog';
import { catalogForm } from './choices';
import { parseCatalog } from './parse-catalog';
import { writeCatalog } from './write-catalog';

export const importCatalog: Importer = async (db, workbook, ctx, issues) => {
  const form = await catalogForm(db);
  const parsed = parseCatalog(workbook, form, issues);
  if (!parsed) return undefined;
  const plan = await checkCatalog(db, parsed.entries, form, ctx.actor, issues);
  return {
    rows: parsed.rows,
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
    write: async (tx) => {
      await writeCatalog(tx, plan, ctx.actor.username, ctx.now);
      return undefined;
    },
  };
};
