/**
 * @module The public BPMN corpus (../shared/corpus/bpmn beside the repository): every file goes through parse +
 * validate without throwing and either compiles or yields errors that name element ids. The outcome per file is
 * committed in expected.json so a regression shows; run with UPDATE_CORPUS=1 to rewrite it after a deliberate change.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBpmn } from '../index';
import { deploy } from '../testing';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/bpmn');
const expectedFile = path.join(import.meta.dirname, 'expected.json');

function corpusFiles(): string[] {
  if (!existsSync(corpusDir)) return [];
  return readdirSync(corpusDir)
    .filter((d) => statSync(path.join(corpusDir, d)).isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(corpusDir, d))
        .filter((f) => f.endsWith('.bpmn'))
        .map((f) => `${d}/${f}`),
    )
    .sort();
}

type Outcome = 'compiles' | string[];

async function outcomeOf(file: string): Promise<Outcome> {
  const r = await compileBpmn(readFileSync(path.join(corpusDir, file), 'utf8'));
  if (r.ok) return 'compiles';
  return r.issues.filter((i) => i.severity !== 'warning').map((i) => `${i.code}@${i.elementId}`);
}

describe('public BPMN corpus', () => {
  const files = corpusFiles();

  it('is present beside the repository', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('gives every file the committed outcome, and every error names an element', async () => {
    const actual: Record<string, Outcome> = {};
    for (const f of files) actual[f] = await outcomeOf(f);
    if (process.env.UPDATE_CORPUS) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    expect(actual).toEqual(expected);
    for (const outcome of Object.values(actual)) {
      if (outcome !== 'compiles') for (const e of outcome) expect(e).not.toMatch(/@null$/);
    }
  });

  it('runs the executable timer fixture through the harness', async () => {
    const h = await deploy(readFileSync(path.join(corpusDir, 'bpmn-engine/timer-event.bpmn'), 'utf8'));
    h.start();
    expect(h.active).toEqual(['duration']);
    expect(h.timer('duration').dueAt).toBe('2026-03-02T01:00:00.050Z');
    h.fireTimer('duration');
    expect(h.status).toBe('completed');
    expect(h.trail).toEqual(
      expect.arrayContaining(['element.completed:task1', 'timer.fired:duration', 'element.completed:task2']),
    );
  });

  it('runs the form fixture through the harness, warning that its camunda:* extensions are ignored', async () => {
    const xml = readFileSync(path.join(corpusDir, 'bpmn-engine/forms.bpmn'), 'utf8');
    const r = await compileBpmn(xml);
    expect(r.ok && r.warnings.map((w) => `${w.code}@${w.elementId}`)).toEqual([
      'extension.ignored@start',
      'extension.ignored@userTask',
    ]);
    const h = (await deploy(xml)).start();
    h.completeTask('userTask', { startDate: '2026-04-01' });
    expect(h.status).toBe('completed');
  });
});
