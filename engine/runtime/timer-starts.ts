/** @module When a timer start event (timeDate or timeCycle) first fires after deployment. */
import { addDuration, parseCycle } from './cycle';

export function nextTimerStart(
  t: { timeCycle?: string; timeDate?: string },
  now: Date,
): { dueAt: Date; repetitionsLeft: number | null } | null {
  if (t.timeDate) {
    const at = new Date(t.timeDate);
    return Number.isNaN(at.getTime()) ? null : { dueAt: at, repetitionsLeft: null };
  }
  const c = t.timeCycle ? parseCycle(t.timeCycle) : null;
  if (!c) return null;
  let due = c.start ?? addDuration(now, c.every);
  while (due < now) due = addDuration(due, c.every);
  return { dueAt: due, repetitionsLeft: c.repetitions };
}
