/** @module ui/diagram/highlight.test: the path and the open incidents come out of history correctly. */
import { describe, expect, it } from 'vitest';
import { highlightFrom, takenFlows, withOpenIncidents } from './highlight';

const at = '2026-11-27T10:00:00+08:00';

describe('highlightFrom', () => {
  it('given a resolved and an open incident, when highlighted, then only the open one remains', () => {
    const h = highlightFrom(
      [
        { at, type: 'element.activated', elementId: 'start' },
        { at, type: 'incident.raised', elementId: 'calc', data: { message: 'FEEL 错误' } },
        { at, type: 'incident.resolved', elementId: 'calc' },
        { at, type: 'incident.raised', elementId: 'gw', data: { message: '无匹配分支' } },
      ],
      ['review'],
    );
    expect(h.incidents).toEqual({ gw: '无匹配分支' });
    expect(h.visited).toEqual(['start']);
    expect(h.active).toEqual(['review']);
  });
});

describe('takenFlows', () => {
  it('given visited ends, when computing flows, then only flows between visited elements count', () => {
    const flows = [
      { id: 'f1', source: { id: 'a' }, target: { id: 'b' } },
      { id: 'f2', source: { id: 'b' }, target: { id: 'c' } },
    ];
    expect(takenFlows(flows, new Set(['a', 'b']))).toEqual(['f1']);
  });
});

describe('withOpenIncidents', () => {
  it('given the API lists open incidents, when applied, then they replace the ones read from history', () => {
    const h = highlightFrom([{ at, type: 'incident.raised', elementId: 'gw', data: { message: '旧' } }], ['gw']);
    const open = [
      { elementId: 'calc', message: 'FEEL 错误' },
      { elementId: 'calc', message: '作业失败' },
    ];
    expect(withOpenIncidents(h, open).incidents).toEqual({ calc: 'FEEL 错误；作业失败' });
    expect(withOpenIncidents(h, undefined)).toBe(h);
    expect(withOpenIncidents(h, []).incidents).toEqual({});
  });
});
