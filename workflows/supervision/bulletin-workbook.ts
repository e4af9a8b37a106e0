/** @module The bulletin (通报) as an Excel workbook: one styled, print-ready sheet per section, Chinese headers. */
import ExcelJS from 'exceljs';
import { addSafeRow, setSafeCell } from '../../platform/excel/safe-cell';
import type { StaleEntry } from '../catalog/stale-entries';
import { UPDATE_CYCLE_LABELS } from '../catalog/update-cycle';
import type { OverdueItem, Period, UnitStats } from './stats';

/** The stale entries frozen with a bulletin: the first ones (most overdue first) and how many there were. */
export interface StaleSnapshot {
  total: number;
  items: StaleEntry[];
}

export interface BulletinExtras {
  stale?: StaleSnapshot | null;
  /** The summary as the reviewer published it. */
  summary?: string | null;
}

const PROCESS_NAMES: Record<string, string> = {
  'catalog-registration': '目录编制与注册',
  'catalog-change': '目录变更申请',
  'data-problem': '问题数据反馈与整改',
  bulletin: '工作通报',
};

interface Column {
  header: string;
  width: number;
  numeric?: boolean;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet with a merged title, a subtitle, a header row repeated on every printed page, and bordered data rows. */
function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  subtitle: string,
  columns: Column[],
  rows: (string | number | null)[][],
) {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: columns.length > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:3',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const last = String.fromCharCode(64 + columns.length);
  ws.mergeCells(`A1:${last}1`);
  ws.mergeCells(`A2:${last}2`);
  const t = ws.getCell('A1');
  t.value = title;
  t.font = { name: '宋体', size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const s = ws.getCell('A2');
  s.value = subtitle;
  s.font = { name: '宋体', size: 10, color: { argb: 'FF595959' } };
  s.alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  header.values = columns.map((c) => c.header);
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  rows.forEach((values, i) => {
    // Names and codes come from users: never let one become a formula (safe-cell.ts).
    const row = addSafeRow(
      ws,
      values.map((v) => v ?? '—'),
    ) as ExcelJS.Row;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: '宋体', size: 10.5 };
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: columns[col - 1]?.numeric ? 'center' : 'left',
        wrapText: true,
      };
      if (i % 2 === 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F6FA' } };
    });
  });
  if (rows.length === 0) {
    ws.mergeCells(`A4:${last}4`);
    const c = ws.getCell('A4');
    c.value = '本期无';
    c.alignment = { horizontal: 'center' };
    c.border = BORDER;
  }
  return ws;
}

const fmt = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** Builds the bulletin for a period from computed statistics and the overdue list (docs/processes.md "Statistics and bulletins"). */
export async function buildBulletinWorkbook(
  stats: UnitStats[],
  overdue: OverdueItem[],
  period: Period,
  generatedAt = new Date(),
  extras: BulletinExtras = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '汇流 huiliu';
  wb.created = generatedAt;
  const subtitle = `统计期间: ${period.from} 至 ${period.to}    生成时间: ${fmt(new Date(generatedAt.getTime() + 8 * 3_600_000).toISOString())}`;
  const sum = (k: keyof UnitStats) =>
    stats.reduce((a, s) => a + (typeof s[k] === 'number' ? (s[k] as number) : 0), 0);
  const received = sum('problemsReceived');
  const rectified = sum('problemsRectified');
  const onTime = sum('rectifiedOnTime');
  const summarySheet = addTable(
    wb,
    '汇总',
    '公共数据工作通报',
    subtitle,
    [
      { header: '项目', width: 30 },
      { header: '数值', width: 16, numeric: true },
    ],
    [
      ['受理问题数据(条)', received],
      ['完成整改(条)', rectified],
      ['按期整改(条)', onTime],
      // An item overdue and not yet rectified is already late: it counts against the rate, as on the dashboard.
      [
        '按期整改率',
        rectified + sum('overdueNow')
          ? `${((onTime / (rectified + sum('overdueNow'))) * 100).toFixed(1)}%`
          : '—',
      ],
      ['当前逾期未整改(条)', sum('overdueNow')],
      ['返工轮次(次)', sum('reworkRounds')],
      ['新注册目录(条)', sum('entriesRegistered')],
      ['变更/注销目录(条)', sum('entriesChanged')],
      ['退回修改(次)', sum('entriesReturned')],
      ['超过更新周期未归集目录(条)', extras.stale?.total ?? sum('entriesStale')],
      ['逾期待办事项(项)', overdue.length],
    ],
  );
  if (extras.summary?.trim()) {
    const at = summarySheet.rowCount + 2;
    summarySheet.mergeCells(`A${at}:B${at}`);
    const cell = summarySheet.getCell(`A${at}`);
    setSafeCell(cell, `通报摘要：${extras.summary.trim()}`);
    cell.font = { name: '宋体', size: 10.5 };
    cell.alignment = { vertical: 'top', wrapText: true };
    summarySheet.getRow(at).height = Math.min(409, 16 * Math.ceil(extras.summary.length / 22) + 8);
  }
  const active = (s: UnitStats) => s.problemsReceived + s.problemsRectified + s.overdueNow > 0;
  addTable(
    wb,
    '问题数据整改',
    '各单位问题数据整改情况',
    subtitle,
    [
      { header: '序号', width: 6, numeric: true },
      { header: '单位', width: 24 },
      { header: '受理问题', width: 10, numeric: true },
      { header: '完成整改', width: 10, numeric: true },
      { header: '按期整改', width: 10, numeric: true },
      { header: '当前逾期', width: 10, numeric: true },
      { header: '平均整改用时(工作日)', width: 14, numeric: true },
      { header: '返工轮次', width: 10, numeric: true },
    ],
    stats
      .filter(active)
      .map((s, i) => [
        i + 1,
        s.unitName,
        s.problemsReceived,
        s.problemsRectified,
        s.rectifiedOnTime,
        s.overdueNow,
        s.avgWorkdaysToFix,
        s.reworkRounds,
      ]),
  );
  addTable(
    wb,
    '目录编制',
    '各单位资源目录编制情况',
    subtitle,
    [
      { header: '序号', width: 6, numeric: true },
      { header: '单位', width: 24 },
      { header: '新注册', width: 10, numeric: true },
      { header: '变更/注销', width: 10, numeric: true },
      { header: '退回修改', width: 10, numeric: true },
      { header: '更新超期', width: 10, numeric: true },
    ],
    stats
      .filter((s) => s.entriesRegistered + s.entriesChanged + s.entriesReturned + (s.entriesStale ?? 0) > 0)
      .map((s, i) => [
        i + 1,
        s.unitName,
        s.entriesRegistered,
        s.entriesChanged,
        s.entriesReturned,
        s.entriesStale ?? 0,
      ]),
  );
  const stale = extras.stale ?? { total: 0, items: [] };
  const china = (iso: string | null) =>
    iso ? fmt(new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString()) : null;
  addTable(
    wb,
    '数据更新',
    '超过更新周期未归集的资源目录（三（四））',
    stale.total > stale.items.length
      ? `${subtitle}    共 ${stale.total} 条，列出逾期最久的 ${stale.items.length} 条`
      : `${subtitle}    共 ${stale.total} 条`,
    [
      { header: '序号', width: 6, numeric: true },
      { header: '单位', width: 20 },
      { header: '信息资源代码', width: 20 },
      { header: '信息资源名称', width: 24 },
      { header: '更新周期', width: 10, numeric: true },
      { header: '最近归集', width: 17, numeric: true },
      { header: '应归集截止', width: 17, numeric: true },
    ],
    stale.items.map((e, i) => [
      i + 1,
      e.unitName,
      e.code,
      e.name,
      (e.updateCycle && UPDATE_CYCLE_LABELS[e.updateCycle]) ?? e.updateCycle,
      china(e.lastCollectedAt),
      china(e.dueAt),
    ]),
  );
  addTable(
    wb,
    '逾期事项',
    '逾期未办结事项清单',
    subtitle,
    [
      { header: '序号', width: 6, numeric: true },
      { header: '单位', width: 20 },
      { header: '流程', width: 18 },
      { header: '事项', width: 16 },
      { header: '业务编号', width: 18 },
      { header: '办理期限', width: 18, numeric: true },
      { header: '逾期(工作日)', width: 12, numeric: true },
    ],
    overdue.map((o, i) => [
      i + 1,
      o.unitName ?? '县大数据主管部门',
      PROCESS_NAMES[o.task.processKey] ?? o.task.processKey,
      o.task.name,
      o.task.businessKey,
      `${fmt(new Date(new Date(o.dueAt).getTime() + 8 * 3_600_000).toISOString())}${o.dueProvisional ? ' (暂定)' : ''}`,
      o.overdueWorkdays,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
