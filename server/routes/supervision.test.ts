/** @module The supervision routes over HTTP: roles, stats, overdue and the bulletin workbook as a download. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problems } from '../../workflows/problems/schema';
import { testDbKinds } from '../../platform/db/testing';
import { openWorkflowRoutesApp } from './workflow-routes.testing';

describe.each(testDbKinds())('supervision routes on %s', (kind) => {
  let t: Awaited<ReturnType<typeof openWorkflowRoutesApp>>;
  beforeAll(async () => {
    t = await openWorkflowRoutesApp(kind, '2026-11-20T10:00:00+08:00');
    const base = {
      entryId: crypto.randomUUID(),
      entryCode: 'XC-GAJ-0001',
      problemType: 'error' as const,
      description: 'd',
      sourceUnitId: 'gaj',
    };
    await t.db.insert(problems).values([
      {
        ...base,
        instanceId: crypto.randomUUID(),
        receivedAt: new Date('2026-10-09T09:00:00+08:00'),
        status: 'rectifying',
        dueAt: new Date('2026-10-16T23:59:59+08:00'),
        rounds: 1,
      },
      {
        ...base,
        instanceId: crypto.randomUUID(),
        receivedAt: new Date('2026-10-09T09:00:00+08:00'),
        status: 'archived',
        outcome: 'archived',
        rectifiedAt: new Date('2026-10-12T09:00:00+08:00'),
        closedAt: new Date('2026-10-13T09:00:00+08:00'),
        onTime: true,
        rounds: 1,
      },
    ]);
  }, 60_000);
  afterAll(() => t?.close());

  it('is for supervisors and the authority only', async () => {
    expect(
      (await t.request('/api/supervision/stats?from=2026-10-01&to=2026-10-31', { as: 'gaj.leader' })).status,
    ).toBe(403);
    expect((await t.request('/api/supervision/overdue', { as: 'wjj.rectifier' })).status).toBe(403);
    expect((await t.request('/api/supervision/overdue', { as: 'governance' })).status).toBe(200);
  });

  it('answers statistics of a period and refuses a malformed one', async () => {
    const res = await t.request('/api/supervision/stats?from=2026-10-01&to=2026-10-31', { as: 'supervisor' });
    const gaj = ((await res.json()) as any).items.find((s: { unitId: string }) => s.unitId === 'gaj');
    expect(gaj).toMatchObject({
      problemsReceived: 2,
      problemsRectified: 1,
      rectifiedOnTime: 1,
      overdueNow: 1,
      avgWorkdaysToFix: 2,
    });
    expect(
      (await t.request('/api/supervision/stats?from=2026-10&to=2026-10-31', { as: 'supervisor' })).status,
    ).toBe(400);
    expect(
      (await t.request('/api/supervision/stats?from=2026-11-01&to=2026-10-31', { as: 'supervisor' })).status,
    ).toBe(400);
  });

  it('answers the weekly trend to supervisors only, for a sound period', async () => {
    const res = await t.request('/api/supervision/trend?from=2026-10-05&to=2026-10-18', { as: 'supervisor' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.openProblems).toBe(1);
    expect(body.weeks).toEqual([
      { weekStart: '2026-10-05', received: 2, rectified: 0, rectifiedLate: 0 },
      { weekStart: '2026-10-12', received: 0, rectified: 1, rectifiedLate: 0 },
    ]);
    expect(
      (await t.request('/api/supervision/trend?from=2026-10-01&to=2026-10-31', { as: 'gaj.leader' })).status,
    ).toBe(403);
    expect(
      (await t.request('/api/supervision/trend?from=2026-10&to=2026-10-31', { as: 'supervisor' })).status,
    ).toBe(400);
    const long = await t.request('/api/supervision/trend?from=2023-01-01&to=2026-10-31', {
      as: 'supervisor',
      headers: { 'accept-language': 'en' },
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as any).error.message).toBe('The period cannot exceed two years');
  });

  it('downloads the bulletin as an Excel workbook with a Chinese file name', async () => {
    const res = await t.request('/api/supervision/bulletin.xlsx?from=2026-10-01&to=2026-10-31', {
      as: 'supervisor',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
      '公共数据工作通报_2026-10-01_2026-10-31.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.getWorksheet('问题数据整改')?.getRow(4).getCell(2).value).toBe('县公安局');
  });
});
