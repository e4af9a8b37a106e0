/** @module Supervision services: the overdue list and the per-unit statistics of a period (统计与通报). */
import type { WorkdayCalendar } from '../../engine/calendar';
import { AppError } from '../../platform/errors';
import type { DbOrTx } from '../../platform/db/db';
import { countStaleByUnit } from '../catalog/stale-entries';
import { concurrently } from './concurrently';
import * as store from './store';
import { chinaDay, memoWorkdaysBetween } from './workday-memo';

export interface Period {
  /** China dates, inclusive. */
  from: string;
  to: string;
}

export interface OverdueItem {
  task: {
    id: string;
    name: string;
    elementId: string;
    processInstanceId: string;
    processKey: string;
    businessKey: string | null;
    assignee: string | null;
    candidateGroups: string[];
    createdAt: string;
    dueAt: string;
  };
  unitId: string | null;
  unitName: string | null;
  dueAt: string;
  dueProvisional: boolean;
  /** Working days past the due date (0 on the due day itself, after its 23:59:59). */
  overdueWorkdays: number;
}

export async function listOverdue(
  db: DbOrTx,
  calendar: WorkdayCalendar,
  now: Date,
  opts: { unitId?: string } = {},
): Promise<OverdueItem[]> {
  const rows = await store.listOverdueTaskRows(db, now, opts.unitId);
  // Up to a thousand rows share a few hundred due dates and one "today": count each due date once.
  const between = memoWorkdaysBetween(calendar);
  const today = chinaDay(now);
  return rows.map((r) => {
    const dueAt = (r.dueAt as Date).toISOString();
    return {
      task: {
        id: r.id,
        name: r.name,
        elementId: r.elementId,
        processInstanceId: r.processInstanceId,
        processKey: r.processKey,
        businessKey: r.businessKey,
        assignee: r.assignee,
        candidateGroups: r.candidateGroups,
        createdAt: r.createdAt.toISOString(),
        dueAt,
      },
      unitId: r.unitId,
      unitName: r.unitName,
      dueAt,
      dueProvisional: r.dueProvisional,
      overdueWorkdays: Math.max(0, between(chinaDay(r.dueAt as Date), today)),
    };
  });
}

export interface UnitStats {
  unitId: string;
  unitName: string;
  problemsReceived: number;
  problemsRectified: number;
  rectifiedOnTime: number;
  overdueNow: number;
  /** Working days from receipt to the last fix report, averaged over problems archived in the period; null if none. */
  avgWorkdaysToFix: number | null;
  /** Rounds beyond the first, summed over problems archived in the period. */
  reworkRounds: number;
  entriesRegistered: number;
  entriesChanged: number;
  entriesReturned: number;
  /** Active entries past their collection deadline at `now` (三(四)); 0 in bulletins frozen before it was counted. */
  entriesStale: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** [from 00:00, day after `to` 00:00) in China time. */
export function periodBounds(p: Period): { start: Date; end: Date } {
  // In the words of the dashboard's user (#17): the old message named the query parameters.
  if (!DATE.test(p.from) || !DATE.test(p.to)) {
    throw new AppError('BAD_REQUEST', '统计期间的日期格式应为 YYYY-MM-DD（如 2026-12-01）。', {
      messageEn: 'The period dates must be YYYY-MM-DD (e.g. 2026-12-01).',
    });
  }
  if (p.from > p.to) {
    throw new AppError('BAD_REQUEST', `统计期间的开始日期 ${p.from} 晚于结束日期 ${p.to}，请重新选择。`, {
      messageEn: `The period starts (${p.from}) after it ends (${p.to}): choose it again.`,
    });
  }
  const start = new Date(`${p.from}T00:00:00+08:00`);
  const end = new Date(new Date(`${p.to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { start, end };
}

export async function computeStats(
  db: DbOrTx,
  calendar: WorkdayCalendar,
  period: Period,
  now: Date,
): Promise<UnitStats[]> {
  const { start, end } = periodBounds(period);
  const [unitRows, received, archived, unfigured, overdue, events, stale] = await concurrently(db, [
    () => store.listReportingUnits(db),
    () => store.problemsReceivedIn(db, start, end),
    () => store.problemsArchivedIn(db, start, end),
    () => store.problemsArchivedUnfiguredIn(db, start, end),
    () => store.problemsOverdueAt(db, now),
    () => store.catalogEventsIn(db, start, end),
    () => countStaleByUnit(db, now),
  ]);
  const byUnit = new Map<string, UnitStats>(
    unitRows.map((u) => [
      u.id,
      {
        unitId: u.id,
        unitName: u.name,
        problemsReceived: 0,
        problemsRectified: 0,
        rectifiedOnTime: 0,
        overdueNow: 0,
        avgWorkdaysToFix: null,
        reworkRounds: 0,
        entriesRegistered: 0,
        entriesChanged: 0,
        entriesReturned: 0,
        entriesStale: stale.get(u.id) ?? 0,
      },
    ]),
  );
  for (const r of received)
    if (byUnit.has(r.unitId)) (byUnit.get(r.unitId) as UnitStats).problemsReceived = r.n;
  for (const r of overdue) if (byUnit.has(r.unitId)) (byUnit.get(r.unitId) as UnitStats).overdueNow = r.n;
  const fix = new Map<string, { days: number; n: number }>();
  const addFix = (unitId: string, days: number, n: number) => {
    const f = fix.get(unitId) ?? { days: 0, n: 0 };
    f.days += days;
    f.n += n;
    fix.set(unitId, f);
  };
  for (const g of archived) {
    const s = byUnit.get(g.unitId);
    if (!s) continue;
    s.problemsRectified += g.n;
    s.rectifiedOnTime += g.onTime;
    s.reworkRounds += g.rework;
    if (g.fixN > 0) addFix(g.unitId, g.fixDays, g.fixN);
  }
  // Rows archived before the figure was stored: the same count, from their dates on the calendar in force.
  const between = memoWorkdaysBetween(calendar);
  for (const g of unfigured) {
    if (byUnit.has(g.unitId))
      addFix(g.unitId, Math.max(0, between(g.receivedDay, g.rectifiedDay)) * g.n, g.n);
  }
  for (const [unitId, f] of fix) {
    (byUnit.get(unitId) as UnitStats).avgWorkdaysToFix = Math.round((f.days / f.n) * 10) / 10;
  }
  for (const e of events) {
    const s = byUnit.get(e.unitId);
    if (!s) continue;
    if (e.kind === 'registered') s.entriesRegistered += e.n;
    else if (e.kind === 'returned') s.entriesReturned += e.n;
    else s.entriesChanged += e.n; // a retirement is a change of the catalog too
  }
  return [...byUnit.values()];
}

/** The calendar month before `now` (China time): the monthly bulletin's period. */
export function previousMonth(now: Date): Period {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const y = china.getUTCFullYear();
  const m = china.getUTCMonth(); // 0-based current month = 1-based previous month
  const [py, pm] = m === 0 ? [y - 1, 12] : [y, m];
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  const mm = String(pm).padStart(2, '0');
  return { from: `${py}-${mm}-01`, to: `${py}-${mm}-${String(last).padStart(2, '0')}` };
}
