/**
 * @module `npm run bench:catalog [-- --json] [--entries 20000] [--items 20] [--units 60] [--runs 40] [--keep]`: the
 * catalog at county scale (issue #11) — 20,000 entries × 20 data items over 60 units — timing the list as the route
 * runs it (`listEntriesPage`: a page of 20 with versions, and the total) unfiltered, for one unit and for a
 * 2-character Chinese `q` that matches data-item names (target p95 < 50 ms each), and the stale-entries list (target
 * p95 < 100 ms). Seeded with set-based SQL (generate_series), not row by row. With DATABASE_URL it creates its own
 * database `huiliu_bench_catalog_<pid>` and drops it at the end; without, a temporary embedded PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { seedExampleUnits } from '../identity/seed';
import { type Database, openDatabase } from '../platform/db/open-db';
import { scratchDatabase } from '../platform/db/testing';
import { listEntriesPage, listStaleEntries } from '../workflows/catalog';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const asJson = args.includes('--json');
const N_ENTRIES = flag('entries', 20_000);
const N_ITEMS = flag('items', 20);
const N_UNITS = flag('units', 60);
const RUNS = flag('runs', 40);
const KEEP = args.includes('--keep');
const now = new Date('2026-11-20T10:00:00+08:00');
const supervisor = { username: 'supervisor', unitId: 'dsj', roles: ['supervisor'] };

/**
 * 200 × 20 = 4,000 data-item names (a county's catalog names thousands of distinct items): 40 real prefixes and 160
 * made of character pairs, each with 20 suffixes. The 2-character q 婚姻 is in 20 names, so about one entry in ten.
 */
const WORDS =
  '户籍 婚姻 出生 死亡 学历 社保 医保 住房 车辆 驾驶 企业 纳税 登记 许可 处罚 信用 地址 电话 证件 银行 就业 养老 低保 残疾 兵役 宗教 民族 土地 房屋 水电 燃气 疫苗 病历 药品 食品 环境 交通 旅馆 网吧 校园'.split(
    ' ',
  );
const PAIRS = [...'东南西北中上下左右前后内外新旧大小高低长'].flatMap((a) =>
  [...'甲乙丙丁戊己庚辛'].map((b) => a + b),
);
const PREFIXES = [...WORDS, ...PAIRS];
const SUFFIXES =
  '编号 日期 名称 类别 状态 机关 地点 金额 备注 人员 代码 时间 类型 等级 来源 结果 数量 单位 描述 标识'.split(
    ' ',
  );
const VOCAB = PREFIXES.flatMap((p) => SUFFIXES.map((s) => `${p}${s}`));

async function openScratch(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-bench-cat-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await scratchDatabase(base, 'huiliu_bench_catalog');
  const database = await openDatabase({ databaseUrl: scratch.url });
  const drop = async () => {
    if (KEEP) console.error(`kept database ${scratch.name}`);
    else await scratch.drop();
  };
  return { database, drop };
}

/** p50 and p95 of `RUNS` runs after two warm-up runs, in ms. */
async function percentiles(fn: () => Promise<unknown>) {
  await fn();
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Units, systems, entries with their version 1, data-item names and search text: one statement each. */
async function seed(db: Database['db']) {
  await seedExampleUnits(db);
  await db.execute(sql`
    INSERT INTO units (id, name, kind, sort_order)
    SELECT 'bench-u' || u, '基准单位' || u, 'department', 1000 + u FROM generate_series(1, ${N_UNITS}) u`);
  await db.execute(sql`
    INSERT INTO information_systems (id, unit_id, name)
    SELECT md5('sys-' || u || '-' || k)::uuid, 'bench-u' || u, '业务系统' || k
    FROM generate_series(1, ${N_UNITS}) u, generate_series(0, 2) k`);
  await db.execute(sql`CREATE TEMP TABLE bench_vocab AS
    SELECT (ord - 1)::int AS n, name FROM unnest(string_to_array(${VOCAB.join(' ')}, ' ')) WITH ORDINALITY AS v(name, ord)`);
  // Entry i carries the names (7i + 13k) mod 400, k < items: varied, deterministic, distinct per entry.
  await db.execute(sql`CREATE TEMP TABLE bench_items AS
    SELECT g AS i, k, v.name
    FROM generate_series(1, ${N_ENTRIES}) g, generate_series(0, ${N_ITEMS - 1}) k, bench_vocab v
    WHERE v.n = (g * 7 + k * 13) % ${VOCAB.length}`);
  await db.execute(sql`CREATE INDEX ON bench_items (i)`);
  await db.execute(sql`ANALYZE bench_items`);
  const cycles = ['daily', 'weekly', 'monthly', 'quarterly', 'halfyearly', 'yearly', 'irregular', 'realtime'];
  // About 30% of the entries with a cycle are past due at `now`.
  await db.execute(sql`
    INSERT INTO catalog_entries (id, code, unit_id, system_id, resource_name, status, current_version, category,
      share_type, open_type, update_cycle, search_text, next_collection_due)
    SELECT md5('entry-' || g)::uuid, 'BENCH-' || lpad(g::text, 6, '0'), 'bench-u' || (g % ${N_UNITS} + 1),
      md5('sys-' || (g % ${N_UNITS} + 1) || '-' || (g % 3))::uuid, '基准资源' || g,
      CASE WHEN g % 50 = 0 THEN 'retired' ELSE 'active' END, 1,
      (ARRAY['basic', 'thematic', 'departmental'])[g % 3 + 1],
      (ARRAY['unconditional', 'conditional', 'none'])[g % 3 + 1],
      (ARRAY['unconditional', 'restricted', 'forbidden'])[g % 3 + 1],
      (string_to_array(${cycles.join(' ')}, ' '))[g % 8 + 1],
      lower('BENCH-' || lpad(g::text, 6, '0') || ' 基准资源' || g || ' ' ||
        (SELECT string_agg(name, ' ' ORDER BY k) FROM bench_items b WHERE b.i = g)),
      CASE WHEN g % 8 = 6 THEN NULL
        ELSE ${now}::timestamptz + ((g % 10) - 3) * interval '1 day' - interval '1 hour' END
    FROM generate_series(1, ${N_ENTRIES}) g`);
  await db.execute(sql`
    INSERT INTO catalog_entry_versions (entry_id, version, fields, published_at, published_by)
    SELECT md5('entry-' || g)::uuid, 1, jsonb_build_object(
      'resourceCode', 'BENCH-' || lpad(g::text, 6, '0'), 'resourceName', '基准资源' || g, 'systemName', '业务系统' || (g % 3),
      'businessName', '基准业务', 'category', (ARRAY['basic', 'thematic', 'departmental'])[g % 3 + 1],
      'updateCycle', (string_to_array(${cycles.join(' ')}, ' '))[g % 8 + 1],
      'dataItems', (SELECT jsonb_agg(jsonb_build_object('name', name, 'type', 'string', 'sensitive', false) ORDER BY k)
        FROM bench_items b WHERE b.i = g)),
      ${now}::timestamptz - interval '400 days', 'bench'
    FROM generate_series(1, ${N_ENTRIES}) g`);
  await db.execute(sql`
    INSERT INTO catalog_entry_item_names (entry_id, name)
    SELECT md5('entry-' || i)::uuid, name FROM bench_items`);
  await db.execute(sql`DROP TABLE bench_items`);
  await db.execute(sql`DROP TABLE bench_vocab`);
  await db.execute(sql`ANALYZE`);
}

const { database, drop } = await openScratch();
try {
  const { db } = database;
  const s = performance.now();
  await seed(db);
  const loadSeconds = Math.round((performance.now() - s) / 100) / 10;
  const q = '婚姻';
  const matches = (await listEntriesPage(db, supervisor, { q }, 1, 20)).total;
  const stale = await listStaleEntries(db, now, { limit: 20 });
  const result = {
    driver: database.kind,
    entries: N_ENTRIES,
    dataItems: N_ENTRIES * N_ITEMS,
    units: N_UNITS,
    runs: RUNS,
    loadSeconds,
    listFirstPage: await percentiles(() => listEntriesPage(db, supervisor, {}, 1, 20)),
    listUnit: await percentiles(() => listEntriesPage(db, supervisor, { unitId: 'bench-u7' }, 1, 20)),
    listQ: await percentiles(() => listEntriesPage(db, supervisor, { q }, 1, 20)),
    q,
    qMatches: matches,
    listQUnitPage3: await percentiles(() =>
      listEntriesPage(db, supervisor, { q, unitId: 'bench-u7' }, 3, 20),
    ),
    staleList: await percentiles(() => listStaleEntries(db, now, { limit: 20 })),
    staleTotal: stale.total,
  };
  if (!asJson) {
    console.log(
      `catalog bench (${result.driver}): ${N_ENTRIES} entries × ${N_ITEMS} data items over ${N_UNITS} units, seeded in ${loadSeconds}s; p50/p95 of ${RUNS} runs`,
    );
    const line = (label: string, r: { p50: number; p95: number }, target: number) =>
      console.log(`  ${label}: ${r.p50} / ${r.p95} ms (target p95 < ${target} ms)`);
    line('list, first page, unfiltered', result.listFirstPage, 50);
    line('list, one unit', result.listUnit, 50);
    line(`list, q=${q} (${matches} entries match)`, result.listQ, 50);
    line(`list, q=${q} in one unit, page 3`, result.listQUnitPage3, 50);
    line(`stale entries (${stale.total} stale)`, result.staleList, 100);
  }
  console.log(JSON.stringify(result));
} finally {
  await database.close();
  await drop();
}
