/**
 * @module The audit log as a workbook (安全审计日志.xlsx): Chinese headers, times in China time, every cell through
 * addSafeRow so an actor or target beginning with `=` stays text when an auditor opens the file.
 */
import ExcelJS from 'exceljs';
import { addSafeRow } from '../../platform/excel/safe-cell';
import type { AuditRow } from './list-audit';

export const AUDIT_HEADERS = ['时间（北京时间）', '操作人', 'IP 地址', '操作', '对象', '结果', '详情'];

const OUTCOME_ZH: Record<string, string> = { ok: '成功', denied: '拒绝', failed: '失败' };

/** `2026-12-03 19:53:31`: the wall clock in China, which is what an auditor compares with. */
export function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export async function auditWorkbook(rows: AuditRow[], note?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计日志');
  ws.columns = [
    { width: 21 },
    { width: 16 },
    { width: 16 },
    { width: 22 },
    { width: 40 },
    { width: 8 },
    { width: 60 },
  ];
  addSafeRow(ws, AUDIT_HEADERS);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    addSafeRow(ws, [
      chinaTime(r.at),
      r.actor ?? '（匿名）',
      r.ip ?? '',
      r.action,
      r.target ?? '',
      OUTCOME_ZH[r.outcome] ?? r.outcome,
      r.details ? JSON.stringify(r.details) : '',
    ]);
  }
  if (note) addSafeRow(ws, [note]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
