/** @module Test harness: a runtime over a real database (PGlite or PostgreSQL), a settable clock and sample users. */
import { defaultCalendar } from '../../calendar';
import type { Database } from '../../../platform/db/open-db';
import { createRuntime, type FormsPort, type JobWorker, type RuntimeDeps, type RuntimeUser } from '../index';

/**
 * The forms module as the engine's tests need it, kept in memory: the engine may not import forms (the layer
 * rule in docs/architecture.md); the server and the workflow scenarios compose the real one.
 */
export function memoryForms(): FormsPort {
  const versions = new Map<string, string[]>();
  return {
    async saveForm(_db, form) {
      const list = versions.get(form.key) ?? [];
      const body = JSON.stringify([form.title, form.schema, form.uiSchema ?? {}]);
      if (list.at(-1) === body) return { key: form.key, version: list.length, created: false };
      list.push(body);
      versions.set(form.key, list);
      return { key: form.key, version: list.length, created: true };
    },
    async latestFormVersion(_db, key) {
      return versions.get(key)?.length ?? null;
    },
  };
}

export interface ManualClock {
  now(): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start = '2026-03-02T01:00:00.000Z'): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * Which roles are county-wide, as a literal: the product's catalog is identity/roles.ts, which the engine may not
 * import; these tests need only the two kinds of role they use.
 */
export const testRoles = {
  isCountyWide: (role: string) => role.startsWith('authority.') || role === 'supervisor',
};

export function testRuntime(
  database: Database,
  extra: Partial<RuntimeDeps> & { workers?: Record<string, JobWorker> } = {},
) {
  const clock = manualClock();
  const runtime = createRuntime({
    database,
    clock,
    calendar: defaultCalendar,
    forms: memoryForms(),
    roles: testRoles,
    ...extra,
  });
  return { runtime, clock };
}

const user = (username: string, unitId: string, ...roles: string[]): RuntimeUser => ({
  username,
  unitId,
  roles,
});
export const users = {
  catA: user('a.cataloguer', 'A', 'unit.cataloguer'),
  leaderA: user('a.leader', 'A', 'unit.leader'),
  leaderA2: user('a.leader2', 'A', 'unit.leader'),
  leaderB: user('b.leader', 'B', 'unit.leader'),
  rectifierB: user('b.rectifier', 'B', 'unit.rectifier'),
  rectifierA: user('a.rectifier', 'A', 'unit.rectifier'),
  reviewer: user('reviewer', 'AUTH', 'authority.reviewer'),
};

/** Runs `fn` and returns the AppError code it threw (or 'OK'). */
export async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'OK';
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    throw e;
  }
}
