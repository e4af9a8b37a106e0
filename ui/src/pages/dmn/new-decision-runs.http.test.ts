/**
 * @module The editor's starting decision table is one the engine accepts and evaluates (a `.http.test.ts` because a
 * ui file may not import the engine's DMN evaluator; a whole-product test may).
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../../engine/calendar';
import { evaluateDecision, parseDmn } from '../../../../engine/dmn';
import { newDecisionXml } from './new-decision';

describe('the new decision table in the engine', () => {
  it('given the starting table, when parsed and evaluated, then its one rule answers', async () => {
    const parsed = await parseDmn(newDecisionXml('share_level', '共享级别'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const all = Object.fromEntries(parsed.decisions.map((d) => [d.id, d]));
    const env = { now: '2026-03-02T01:00:00.000Z', calendar: defaultCalendar };
    expect(evaluateDecision(all, 'share_level', { input: 'a' }, env)).toMatchObject({
      ok: true,
      result: 'yes',
    });
  });
});
