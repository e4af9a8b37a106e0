/** @module flow nodes of a BPMN text and the migration mapping pre-filled by id. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowNodes, mappingsToSend, prefillMapping, processIdOf, unmapped } from './flow-nodes';

const xml = readFileSync('workflows/catalog-registration/process.bpmn', 'utf8');

describe('flow nodes', () => {
  it('given a shipped process, when read, then its steps come with names and no flows or DI', () => {
    const nodes = flowNodes(xml);
    expect(nodes).toContainEqual({ id: 'authority-review', name: '主管部门审核', type: 'userTask' });
    expect(nodes.some((n) => n.id.startsWith('flow-'))).toBe(false);
    expect(nodes.some((n) => n.id.endsWith('-di'))).toBe(false);
    expect(processIdOf(xml)).toBe('catalog-registration');
  });

  it('given escaped names and another prefix, when read, then names are plain text', () => {
    expect(flowNodes('<task id="a" name="A &amp; B &lt;1&gt;"/><bpmn2:endEvent id="e"/>')).toEqual([
      { id: 'a', name: 'A & B <1>', type: 'task' },
      { id: 'e', type: 'endEvent' },
    ]);
  });

  it('given old instances at two steps, one renamed, when pre-filled, then the kept one maps to itself and the other waits for a choice', () => {
    const m = prefillMapping(['unit-approval', 'old-step', 'unit-approval'], flowNodes(xml));
    expect(m).toEqual([
      { source: 'unit-approval', target: 'unit-approval' },
      { source: 'old-step', target: '' },
    ]);
    expect(unmapped(m)).toEqual(['old-step']);
    expect(mappingsToSend([...m, { source: 'x', target: 'y' }])).toEqual([{ source: 'x', target: 'y' }]);
  });
});
