/** @module Business rule task: the decision bound at compile time is evaluated on entry; failures are incidents. */
import { expect, it } from 'vitest';
import { type Decision, parseDmn } from '../../dmn';
import { dmnTable } from '../../dmn/fixtures';
import { compileBpmn } from '../../index';
import { deploy, fixture } from '../../testing';

const xml = fixture(import.meta.url, 'business-rule-task.bpmn');

async function decisions(hitPolicy = 'UNIQUE'): Promise<Record<string, Decision>> {
  const p = await parseDmn(
    dmnTable({
      id: 'problemLevel',
      hitPolicy,
      inputs: ['affectedUnits', 'category'],
      outputs: ['level'],
      rules: [
        { inputs: ['>= 3', '-'], outputs: ['"紧急"'] },
        { inputs: ['< 3', '"数据错误", "数据缺失"'], outputs: ['"一般"'] },
        { inputs: ['-', '"数据错误"'], outputs: ['"一般"'] },
      ],
    }),
  );
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return Object.fromEntries(p.decisions.map((d) => [d.id, d]));
}

it('given the decision, when the task runs, then its result is the variable the gateway routes on', async () => {
  const h = (await deploy(xml, { decisions: await decisions() })).start({
    affectedUnits: 5,
    category: '其他',
  });
  expect(h.vars.level).toBe('紧急');
  expect(h.active).toEqual(['urgentReview']);
  expect(h.trail).toEqual(expect.arrayContaining(['decision.evaluated:grade']));
});

it('given UNIQUE and two matching rules, when the task runs, then an incident names the rules; FIRST picks one', async () => {
  const h = (await deploy(xml, { decisions: await decisions() })).start({
    affectedUnits: 1,
    category: '数据错误',
  });
  expect(h.status).toBe('incident');
  expect(h.active).toEqual(['grade']);
  const first = (await deploy(xml, { decisions: await decisions('FIRST') })).start({
    affectedUnits: 1,
    category: '数据错误',
  });
  expect(first.active).toEqual(['normalReview']);
});

it('given no deployed decision, when compiled, then info names it and the task raises an incident when it runs', async () => {
  const r = await compileBpmn(xml);
  expect(r.ok && r.processes[0].info.calledDecisionIds).toEqual(['problemLevel']);
  const h = (await deploy(xml)).start({ affectedUnits: 5 });
  expect(h.status).toBe('incident');
});

it('given a task without zeebe:calledDecision, when compiled, then decision.incomplete names it', async () => {
  const r = await compileBpmn(xml.replace(/<zeebe:calledDecision[^>]*\/>/, ''));
  expect(!r.ok && r.issues.map((i) => `${i.code}@${i.elementId}`)).toEqual(['decision.incomplete@grade']);
});
