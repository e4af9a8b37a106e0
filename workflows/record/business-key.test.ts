/** @module 业务编号 patterns: what an administrator may write, and how a number is formatted. */
import { describe, expect, it } from 'vitest';
import {
  businessKeyPatternIssue,
  businessKeyPatternOfXml,
  chinaYear,
  formatBusinessKey,
} from './business-key';

describe('business key patterns', () => {
  it('formats year and zero-padded sequence, writing a wider number in full', () => {
    expect(formatBusinessKey('ML-{yyyy}-{seq:4}', 2026, 1)).toBe('ML-2026-0001');
    expect(formatBusinessKey('WT{yyyy}{seq}', 2026, 42)).toBe('WT20260042');
    expect(formatBusinessKey('X-{seq:2}', 2026, 123)).toBe('X-123');
  });

  it('refuses patterns without exactly one sequence or with unknown placeholders, in Chinese', () => {
    expect(businessKeyPatternIssue('ML-{yyyy}')).toMatch(/\{seq\}/);
    expect(businessKeyPatternIssue('ML-{seq}-{seq}')).toMatch(/仅含一个/);
    expect(businessKeyPatternIssue('ML-{yy}-{seq}')).toMatch(/占位符/);
    expect(businessKeyPatternIssue('ML-{yyyy}-{seq:4}')).toBeUndefined();
  });

  it('counts the year in China time', () => {
    expect(chinaYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });

  it('reads the pattern of the named process only, and ignores an unusable one', async () => {
    const xml = (value: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true"><bpmn:extensionElements><zeebe:properties>
    <zeebe:property name="huiliu:businessKeyPattern" value="${value}" />
  </zeebe:properties></bpmn:extensionElements><bpmn:startEvent id="s" /></bpmn:process>
</bpmn:definitions>`;
    expect(await businessKeyPatternOfXml(xml('SQ-{yyyy}-{seq:3}'), 'p')).toBe('SQ-{yyyy}-{seq:3}');
    expect(await businessKeyPatternOfXml(xml('SQ-{yyyy}-{seq:3}'), 'other')).toBeNull();
    expect(await businessKeyPatternOfXml(xml('SQ-{yyyy}'), 'p')).toBeNull();
  });
});
