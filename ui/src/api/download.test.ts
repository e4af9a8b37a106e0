/** @module ui/api/download.test: the saved file takes the server's (Chinese) name from Content-Disposition. */
import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('fileNameOf', () => {
  it('given a UTF-8 filename*, when read, then the Chinese name wins over the ASCII one', () => {
    const name = '公共数据工作通报_2026-10-01_2026-10-31.xlsx';
    expect(fileNameOf(`attachment; filename="bulletin.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x')).toBe(name);
  });
  it('given only a plain name or none, when read, then that name or the fallback', () => {
    expect(fileNameOf('attachment; filename="bulletin.xlsx"', 'x')).toBe('bulletin.xlsx');
    expect(fileNameOf(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});
