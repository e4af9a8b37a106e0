/**
 * @module PUT/GET /api/test/clock: only mounted with HUILIU_TEST_CLOCK=1; setting it fires the timers that became
 * due. Only `authority.admin` may move it (moving time fires every deadline in the county), and each move is audited.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors';
import { requireRole } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { createRouter } from '../http/env';
import { ErrorSchema } from './schemas';
import { body, json } from './openapi';

const ClockSchema = z.object({ now: z.string() }).openapi('TestClock');

const getClock = createRoute({
  method: 'get',
  path: '/api/test/clock',
  tags: ['test'],
  summary: '测试时钟 / the test clock',
  responses: { 200: json(ClockSchema, 'now') },
});

const putClock = createRoute({
  method: 'put',
  path: '/api/test/clock',
  tags: ['test'],
  summary: '设置测试时钟 / set the test clock (fires due timers before answering)',
  request: {
    body: body(z.object({ now: z.iso.datetime({ offset: true }) })),
  },
  responses: {
    200: json(ClockSchema, 'now'),
    403: json(ErrorSchema, 'not authority.admin'),
  },
});

export interface SettableClock {
  now(): Date;
  set(date: Date): void;
}

/** Called after the clock moved, before the response: the runtime fires due timers and runs their jobs here. */
export type AfterClockSet = (now: Date) => Promise<void>;

export function testClockRoutes() {
  const router = createRouter();
  router.openapi(getClock, (c) => c.json({ now: c.get('deps').clock.now().toISOString() }, 200));
  router.openapi(putClock, async (c) => {
    requireRole(c.get('user'), 'authority.admin');
    const { clock, services, db } = c.get('deps');
    const settable = clock as Partial<SettableClock>;
    if (typeof settable.set !== 'function')
      throw new AppError('INTERNAL', '测试时钟不可用', { messageEn: 'Test clock unavailable' });
    const before = clock.now().toISOString();
    settable.set(new Date(c.req.valid('json').now));
    // The clock lives in memory, not in a transaction: the row follows the move it records.
    await auditAct(c, db, {
      action: 'testclock.set',
      target: clock.now().toISOString(),
      details: { before },
    });
    const after = services.afterClockSet as AfterClockSet | undefined;
    if (after) await after(clock.now());
    return c.json({ now: clock.now().toISOString() }, 200);
  });
  return router;
}
