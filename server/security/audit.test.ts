/**
 * @module Security (issue #15, the audit log of docs/api.md "Audit log (安全审计)"): acts write rows, refusals are
 * visible, only `audit.admin` reads or exports them, the rows cannot be changed through the application's
 * connection, and the workbook keeps a name beginning with `=` as text.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../platform/audit';
import { testDbKinds } from '../../platform/db/testing';
import { createTestServer, type TestServer } from '../testing/test-server';
import { auditorOf, pdfBytes, tinyProcess, upload } from './audit-fixtures';

interface Row {
  at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
}
interface Page {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
}

describe.each(testDbKinds())('the audit log, over HTTP on %s', (kind) => {
  let server: TestServer;
  let auditor: string;
  const rows = async (query: string): Promise<Page> => {
    const res = await server.request(`/api/audit?${query}`, { as: auditor });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };

  beforeAll(async () => {
    server = await createTestServer(kind);
    auditor = await auditorOf(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('given a user logs in, when the auditor lists auth rows, then the login is there with its outcome', async () => {
    const res = await server.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'wjj.leader', password: 'huiliu-demo' },
    });
    expect(res.status).toBe(200);
    const page = await rows('actor=wjj.leader&action=auth');
    expect(page.items.some((r) => r.action.startsWith('auth.login') && r.outcome === 'ok')).toBe(true);
  });

  it('given a user without audit.admin, when they read or export the log, then 403, and the refusal itself is a row', async () => {
    for (const who of ['admin', 'gaj.leader', 'supervisor']) {
      const res = await server.request('/api/audit', { as: who });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await server.request('/api/audit/export.xlsx', { as: who })).status).toBe(403);
    }
    const denied = await rows('actor=gaj.leader&action=http.forbidden');
    expect(denied.items[0]).toMatchObject({ outcome: 'denied', target: 'GET /api/audit/export.xlsx' });
  });

  it('given the acts docs/api.md lists, when each is done over HTTP, then each wrote its row with the actor', async () => {
    const deployed = await server.request('/api/deployments', {
      method: 'POST',
      as: 'admin',
      json: { resources: [{ name: 'audit-tiny.bpmn', content: tinyProcess('audit-tiny') }] },
    });
    expect(deployed.status, await deployed.clone().text()).toBe(201);
    const form = {
      key: 'audit-note',
      title: '审计测试表单',
      schema: { type: 'object', properties: { note: { type: 'string', title: '说明' } } },
    };
    expect((await server.request('/api/forms', { method: 'POST', as: 'admin', json: form })).status).toBe(
      201,
    );
    const calendar = await server.request('/api/calendar/2031', {
      method: 'PUT',
      as: 'admin',
      json: { holidays: ['2031-01-01'], makeupWorkdays: [] },
    });
    expect(calendar.status, await calendar.clone().text()).toBe(200);
    const started = await server.request('/api/process-instances', {
      method: 'POST',
      as: 'admin',
      json: { processKey: 'audit-tiny' },
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const cancelled = await server.request(`/api/process-instances/${id}/cancel`, {
      method: 'POST',
      as: 'admin',
      json: { reason: '测试取消' },
    });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    const up = (await (await upload(server, 'rsj.feedback', '说明.pdf', pdfBytes())).json()) as {
      id: string;
    };
    expect((await server.request(`/api/attachments/${up.id}`, { as: 'rsj.feedback' })).status).toBe(200);
    const now = ((await (await server.request('/api/test/clock', { as: 'admin' })).json()) as { now: string })
      .now;
    expect(
      (await server.request('/api/test/clock', { method: 'PUT', as: 'admin', json: { now } })).status,
    ).toBe(200);
    const bulletin = await server.request('/api/supervision/bulletin.xlsx?from=2026-01-01&to=2026-01-31', {
      as: 'supervisor',
    });
    expect(bulletin.status).toBe(200);

    const expected: [string, string, string | null][] = [
      ['deployment.create', 'admin', null],
      ['form.save', 'admin', 'audit-note v1'],
      ['calendar.load', 'admin', '2031'],
      ['instance.cancel', 'admin', id],
      ['attachment.download', 'rsj.feedback', up.id],
      ['testclock.set', 'admin', null],
      ['export.bulletin', 'supervisor', '2026-01-01..2026-01-31'],
    ];
    for (const [action, actor, target] of expected) {
      const page = await rows(`action=${action}&actor=${actor}`);
      expect(page.items.length, action).toBeGreaterThan(0);
      expect(page.items[0].outcome).toBe('ok');
      if (target) expect(page.items[0].target, action).toBe(target);
    }
  });

  it('given a refused act inside a transaction, when it fails, then no ok row was written for it', async () => {
    const before = (await rows('action=form.save')).total;
    const bad = await server.request('/api/forms', {
      method: 'POST',
      as: 'admin',
      json: { key: 'audit-bad', title: '坏表单', schema: { type: 'nonsense' } },
    });
    expect(bad.status).toBe(400);
    expect((await rows('action=form.save')).total).toBe(before);
  });

  it('given rows over two China days, when filtered by date and paged, then newest first within the bounds', async () => {
    const db = server.deps.db;
    // 2030-03-01 23:30 and 2030-03-02 00:30 in China are both 2030-03-01 in UTC.
    await writeAudit(db, {
      actor: 'paging',
      action: 'test.page',
      outcome: 'ok',
      at: new Date('2030-03-01T15:30:00Z'),
    });
    await writeAudit(db, {
      actor: 'paging',
      action: 'test.page',
      outcome: 'ok',
      at: new Date('2030-03-01T16:30:00Z'),
    });
    await writeAudit(db, {
      actor: 'paging',
      action: 'test.page',
      outcome: 'ok',
      at: new Date('2030-03-02T16:30:00Z'),
    });
    const day1 = await rows('actor=paging&from=2030-03-01&to=2030-03-01');
    expect(day1.items.map((r) => r.at)).toEqual(['2030-03-01T15:30:00.000Z']);
    const both = await rows('actor=paging&from=2030-03-02&to=2030-03-03&pageSize=1&page=2');
    expect(both).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(both.items.map((r) => r.at)).toEqual(['2030-03-01T16:30:00.000Z']);
    const backwards = await server.request('/api/audit?from=2030-03-02&to=2030-03-01', { as: auditor });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: { message: string } }).error.message).toContain('结束时间');
    for (const bad of ['from=yesterday', 'to=2030-02-30', 'from=2030-03-01T08:00']) {
      const res = await server.request(`/api/audit?${bad}`, { as: auditor });
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, bad).toMatch(
        /时间格式不正确/,
      );
    }
  });

  it('given the application connection, when it tries to UPDATE, DELETE or TRUNCATE audit rows, then the database refuses', async () => {
    const db = server.deps.db;
    const count = async () =>
      Number(((await db.execute(sql`select count(*)::int as n from audit_log`)) as any).rows[0].n);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(db.execute(sql`update audit_log set action = 'rewritten'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await count()).toBe(before);
    const rewritten = await db.execute(
      sql`select count(*)::int as n from audit_log where action = 'rewritten'`,
    );
    expect(Number((rewritten as any).rows[0].n)).toBe(0);
  });

  it('given an actor named like a formula, when the log is exported, then the workbook opens and that cell is text', async () => {
    const evil = '=HYPERLINK("http://evil.example","点我")';
    await writeAudit(server.deps.db, {
      actor: evil,
      action: 'test.formula',
      outcome: 'failed',
      target: '+1+1',
    });
    const res = await server.request('/api/audit/export.xlsx?action=test.formula', { as: auditor });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('安全审计日志.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志');
    expect(ws).toBeDefined();
    expect(ws!.getRow(1).getCell(1).value).toBe('时间（北京时间）');
    expect(ws!.getRow(1).getCell(2).value).toBe('操作人');
    const actor = ws!.getRow(2).getCell(2);
    expect(actor.type).toBe(ExcelJS.ValueType.String);
    expect(actor.value).toBe(evil);
    expect(actor.formula).toBeUndefined();
    expect(ws!.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(ws!.getRow(2).getCell(6).value).toBe('失败');
    // Exporting is itself recorded.
    expect((await rows('action=export.audit')).items[0]).toMatchObject({ actor: auditor, outcome: 'ok' });
  });
});
