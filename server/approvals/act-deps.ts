/** @module What the approval acts need from the app: the database, the clock, the runtime, the calendar. */
import type { Context } from 'hono';
import type { WorkdayCalendar } from '../../engine/calendar';
import type { Runtime } from '../../engine/runtime';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/db';
import type { AppEnv } from '../http/env';
import { runtimeOf } from '../http/runtime-of';

export interface ActDeps {
  db: Db;
  clock: Clock;
  runtime: Runtime;
  calendar?: WorkdayCalendar;
  /** Where an after-the-fact failure goes (a diagram's 抄送 after a completion that already committed). */
  warn?: (err: unknown, message: string) => void;
}

export const actDepsOf = (c: Context<AppEnv>): ActDeps => {
  const deps = c.get('deps');
  return {
    db: deps.db,
    clock: deps.clock,
    runtime: runtimeOf(c),
    calendar: deps.services.calendar as WorkdayCalendar | undefined,
    warn: (err, message) => deps.log?.warn({ err }, message),
  };
};
