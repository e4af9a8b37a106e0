/**
 * @module `npm run bench:import [-- --json] [--entries 2000] [--items 20] [--keep]`: the catalog import of issue #11 at
 * county scale — a 2,000-entry / 40,000-item workbook across 20 units: the dry run (target < 15 s), the commit
 * (< 30 s) and a second import of the same file (all unchanged), with the process's peak RSS (< 1 GB) sampled
 * every 20 ms. With DATABASE_URL it creates its own database `huiliu_bench_import_<pid>` on that server and drops
 * it at the end; without, a temporary embedded PGlite. With --json the last line is JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EXAMPLE_UNITS } from '../identity/county-units';
import { seedExampleUnits } from '../identity/seed';
import { type Database, openDatabase } from '../platform/db/open-db';
import { informationSystems } from '../workflows/catalog/schema';
import { runImport } from '../workflows/imports';
import { ENTRY_HEADERS, entryRow, ITEM_HEADERS } from '../workflows/imports/testing';
import { writeWorkbook } from '../workflows/imports/write-workbook';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const asJson = args.includes('--json');
const N_ENTRIES = flag('entries', 2_000);
const N_ITEMS = flag('items', 20);
const KEEP = args.includes('--keep');
const TYPES = ['字符', '数值', '日期', '日期时间', '布尔'];

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

async function openScratch(): Promise<{ database: Database; kind: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-bench-import-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, kind: 'pglite', drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `huiliu_bench_import_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    database,
    kind: 'postgres',
    drop: async () => {
      await database.close();
      if (KEEP) console.log(`kept database ${name}`);
      else await admin(`DROP DATABASE ${name}`);
    },
  };
}

/** Wall time, and this process's CPU time (user + system): on a shared, loaded machine the CPU time is the steadier figure. */
const cpu: Record<string, number> = {};
async function timed<T>(fn: () => Promise<T>, name?: string): Promise<[T, number]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const c = process.cpuUsage(c0);
  if (name) cpu[name] = Math.round((c.user + c.system) / 1000);
  return [value, Math.round(performance.now() - t0)];
}

async function main() {
  const { database, kind, drop } = await openScratch();
  const db = database.db;
  await seedExampleUnits(db);
  const unitIds = EXAMPLE_UNITS.filter((u) => u.kind === 'department')
    .map((u) => u.id)
    .slice(0, 20);
  await db.insert(informationSystems).values(unitIds.map((unitId) => ({ unitId, name: '业务管理系统' })));

  const [content, buildMs] = await timed(async () => {
    const code = (i: number) =>
      `XC-${unitIds[i % unitIds.length]!.toUpperCase()}-${String(i).padStart(5, '0')}`;
    // Written streamed, as the export writes: the harness should not be what the peak RSS measures.
    return writeWorkbook(async (sheet) => {
      const entries = sheet('目录', ENTRY_HEADERS);
      for (let i = 0; i < N_ENTRIES; i++)
        entries.add(
          entryRow(unitIds[i % unitIds.length]!, code(i), '业务管理系统', {
            信息资源名称: `第 ${i} 类业务数据`,
          }),
        );
      const items = sheet('数据项', ITEM_HEADERS);
      for (let i = 0; i < N_ENTRIES; i++)
        for (let j = 0; j < N_ITEMS; j++)
          items.add([code(i), `数据项${j}`, TYPES[j % TYPES.length], 20 + j, j % 7 === 0 ? '是' : '否']);
    });
  });
  const actor = { username: 'bench', unitId: 'dsj', roles: ['authority.admin'] };
  const now = new Date();
  const run = (dryRun: boolean, name: string) =>
    timed(() => runImport(db, 'catalog', content, { actor, dryRun, now }), name);
  const rssAfterBuild = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const [dry, dryRunMs] = await run(true, 'dryRun');
  const [done, commitMs] = await run(false, 'commit');
  const [again, reimportMs] = await run(false, 'reimport');
  for (const [name, r] of [
    ['dry run', dry],
    ['commit', done],
    ['re-import', again],
  ] as const)
    if (r.errors.length) throw new Error(`${name}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  if (done.created !== N_ENTRIES || again.unchanged !== N_ENTRIES) throw new Error('unexpected counts');
  clearInterval(sampler);
  await drop();
  const result = {
    bench: 'import',
    database: kind,
    entries: N_ENTRIES,
    items: N_ENTRIES * N_ITEMS,
    workbookBytes: content.length,
    buildMs,
    dryRunMs,
    commitMs,
    reimportMs,
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    rssAfterBuildMb: rssAfterBuild,
    cpuMs: cpu,
    loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100),
  };
  if (!asJson) {
    console.log(
      `catalog import on ${kind}: ${N_ENTRIES} entries, ${N_ENTRIES * N_ITEMS} data items, workbook ${(content.length / 1024 / 1024).toFixed(1)} MB`,
    );
    console.log(
      `  dry run ${dryRunMs} ms (target < 15000), commit ${commitMs} ms (< 30000), re-import (all unchanged) ${reimportMs} ms`,
    );
    console.log(
      `  peak RSS ${result.peakRssMb} MB (< 1024); CPU ms of this process ${JSON.stringify(cpu)}; load ${result.loadAverage.join(' ')}`,
    );
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
