/** @module DMN decision tables: parsing (with the bad input the issue lists) and every hit policy. */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar';
import type { Json, Vars } from '../contract';
import { dmnTable } from './fixtures';
import { type Decision, evaluateDecision, parseDmn } from './index';

const env = { now: '2026-03-02T01:00:00.000Z', calendar: defaultCalendar };

async function decide(xml: string, vars: Vars) {
  const p = await parseDmn(xml);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const all: Record<string, Decision> = Object.fromEntries(p.decisions.map((d) => [d.id, d]));
  return evaluateDecision(all, p.decisions[0].id, vars, env);
}
const result = async (xml: string, vars: Vars): Promise<Json> => {
  const r = await decide(xml, vars);
  if (!r.ok) throw new Error(r.message);
  return r.result;
};

const levels = (hitPolicy: string, aggregation?: string) =>
  dmnTable({
    hitPolicy,
    aggregation,
    inputs: ['amount', 'unit'],
    outputs: aggregation ? ['score'] : ['level:"high","medium","low"'],
    rules: [
      { inputs: ['< 100', '-'], outputs: [aggregation ? '1' : '"low"'] },
      { inputs: ['[100..1000]', '"县大数据局"'], outputs: [aggregation ? '5' : '"medium"'] },
      { inputs: ['>= 500', 'not("县财政局")'], outputs: [aggregation ? '10' : '"high"'] },
      { inputs: ['-', '"县财政局", "县大数据局"'], outputs: [aggregation ? '2' : '"low"'] },
    ],
  });

describe('DMN decision tables', () => {
  it('UNIQUE gives the one matching rule, null when none matches, and an error naming the rules when two do', async () => {
    const xml = levels('UNIQUE');
    expect(await result(xml, { amount: 50, unit: '县教育局' })).toBe('low');
    expect(await result(xml, { amount: 5000, unit: '县教育局' })).toBe('high');
    expect(await result(xml, { amount: 200, unit: '县公安局' })).toBeNull();
    const r = await decide(xml, { amount: 600, unit: '县大数据局' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('r2、r3、r4');
  });

  it('FIRST takes the first matching rule in order; PRIORITY the highest output value', async () => {
    expect(await result(levels('FIRST'), { amount: 600, unit: '县大数据局' })).toBe('medium');
    expect(await result(levels('PRIORITY'), { amount: 600, unit: '县大数据局' })).toBe('high');
    expect(await result(levels('PRIORITY'), { amount: 200, unit: '县财政局' })).toBe('low');
  });

  it('ANY accepts matches that agree and refuses matches that differ', async () => {
    expect(await result(levels('ANY'), { amount: 50, unit: '县财政局' })).toBe('low');
    expect((await decide(levels('ANY'), { amount: 600, unit: '县大数据局' })).ok).toBe(false);
  });

  it('RULE ORDER, OUTPUT ORDER and COLLECT give lists', async () => {
    const vars = { amount: 600, unit: '县大数据局' };
    expect(await result(levels('RULE ORDER'), vars)).toEqual(['medium', 'high', 'low']);
    expect(await result(levels('OUTPUT ORDER'), vars)).toEqual(['high', 'medium', 'low']);
    expect(await result(levels('COLLECT'), vars)).toEqual(['medium', 'high', 'low']);
    expect(await result(levels('COLLECT'), { amount: 200, unit: '县公安局' })).toEqual([]);
  });

  it('COLLECT aggregates with SUM, MIN, MAX and COUNT', async () => {
    const vars = { amount: 600, unit: '县大数据局' };
    expect(await result(levels('COLLECT', 'SUM'), vars)).toBe(17);
    expect(await result(levels('COLLECT', 'MIN'), vars)).toBe(2);
    expect(await result(levels('COLLECT', 'MAX'), vars)).toBe(10);
    expect(await result(levels('COLLECT', 'COUNT'), vars)).toBe(3);
    expect(await result(levels('COLLECT', 'COUNT'), { amount: 200, unit: '县公安局' })).toBe(0);
    expect(await result(levels('COLLECT', 'SUM'), { amount: 200, unit: '县公安局' })).toBeNull();
  });

  it('several outputs give a context; output entries are FEEL over the variables', async () => {
    const xml = dmnTable({
      inputs: ['days'],
      outputs: ['route', 'deadline'],
      rules: [
        { inputs: ['<= 3'], outputs: ['"快速"', 'days + 1'] },
        { inputs: ['> 3'], outputs: ['"普通"', 'days * 2'] },
      ],
    });
    expect(await result(xml, { days: 5 })).toEqual({ route: '普通', deadline: 10 });
  });

  it('a missing input variable is null and matches no comparison', async () => {
    expect(await result(levels('FIRST'), {})).toBeNull();
  });
});

describe('bad DMN input', () => {
  it('refuses a file that is not XML', async () => {
    const r = await parseDmn('decision table, please');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0].code).toBe('DMN_NOT_XML');
    expect(!r.ok && r.issues[0].message).toMatch(/不是 XML/);
  });

  it('names the decision and the rule of a FEEL syntax error in an input entry or an output entry', async () => {
    const xml = dmnTable({
      id: 'riskLevel',
      name: '风险等级',
      inputs: ['amount'],
      outputs: ['level'],
      rules: [
        { id: 'okRule', inputs: ['< 100'], outputs: ['"low"'] },
        { id: 'badRange', inputs: ['[100..'], outputs: ['"mid"'] },
        { id: 'badOut', inputs: ['> 1000'], outputs: ['"high" +'] },
      ],
    });
    const r = await parseDmn(xml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.elementId, i.code])).toEqual([
      ['riskLevel', 'decision.feel-syntax'],
      ['riskLevel', 'decision.feel-syntax'],
    ]);
    expect(r.issues[0].message).toContain('风险等级');
    expect(r.issues[0].message).toContain('badRange（第 2 行）');
    expect(r.issues[1].messageEn).toContain('rule badOut (row 3)');
  });

  it('refuses a DTD and an aggregation outside COLLECT', async () => {
    const dtd = await parseDmn('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><definitions/>');
    expect(!dtd.ok && dtd.issues[0].code).toBe('DMN_DTD');
    const agg = await parseDmn(
      dmnTable({ hitPolicy: 'FIRST', aggregation: 'SUM', inputs: ['a'], outputs: ['b'], rules: [] }),
    );
    expect(!agg.ok && agg.issues[0].code).toBe('decision.aggregation');
  });
});

describe('decision requirements and literal expressions', () => {
  const DRG = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drg" name="DRG" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="route" name="分派">
    <informationRequirement id="ir1"><requiredDecision href="#level" /></informationRequirement>
    <decisionTable id="t1" hitPolicy="FIRST">
      <input id="i1"><inputExpression id="e1" typeRef="string"><text>level</text></inputExpression></input>
      <output id="o1" name="handler" typeRef="string" />
      <rule id="toAuthority"><inputEntry id="a1"><text>"紧急"</text></inputEntry><outputEntry id="b1"><text>"县大数据局"</text></outputEntry></rule>
      <rule id="toUnit"><inputEntry id="a2"><text>-</text></inputEntry><outputEntry id="b2"><text>unit</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="level" name="等级">
    <literalExpression id="l1"><text>if affectedUnits &gt;= 3 then "紧急" else "一般"</text></literalExpression>
  </decision>
</definitions>`;

  it('evaluates a required decision first and gives its result under its id', async () => {
    const p = await parseDmn(DRG);
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const all = Object.fromEntries(p.decisions.map((d) => [d.id, d]));
    expect(evaluateDecision(all, 'route', { affectedUnits: 4, unit: '县公安局' }, env)).toMatchObject({
      ok: true,
      result: '县大数据局',
      matchedRules: ['toAuthority'],
    });
    expect(evaluateDecision(all, 'route', { affectedUnits: 1, unit: '县公安局' }, env)).toMatchObject({
      result: '县公安局',
    });
    expect(evaluateDecision(all, 'level', { affectedUnits: 1 }, env)).toMatchObject({ result: '一般' });
  });

  it('refuses a requirement on a decision that is not in the file', async () => {
    const r = await parseDmn(DRG.replace('href="#level"', 'href="#elsewhere"'));
    expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual([
      'decision.required-missing@route',
    ]);
  });
});
