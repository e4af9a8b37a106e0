/** @module The audit page's helpers: times in China time whatever the browser's zone, the export URL with the filters. */
import { describe, expect, it } from 'vitest';
import { auditLog, chinaTime } from './audit-api';

describe('chinaTime', () => {
  it('given an instant late in the UTC day, when shown, then it is the next China day at its wall-clock time', () => {
    expect(chinaTime('2026-12-03T19:53:31.250Z')).toBe('2026-12-04 03:53:31');
    expect(chinaTime('2026-01-01T00:00:00+08:00')).toBe('2026-01-01 00:00:00');
  });
});

describe('auditLog.exportUrl', () => {
  it('given filters with blanks, when the export URL is built, then it carries the set ones only, encoded', () => {
    expect(auditLog.exportUrl({ from: '2026-12-01', to: '', actor: 'gaj.leader', action: 'auth' })).toBe(
      '/api/audit/export.xlsx?from=2026-12-01&actor=gaj.leader&action=auth',
    );
    expect(auditLog.exportUrl({ actor: '=张 三' })).toBe(
      '/api/audit/export.xlsx?actor=%3D%E5%BC%A0+%E4%B8%89',
    );
  });
});
