/** @module Batched log lines: same bytes in the same order, nothing held back by a flush. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { batchLines } from './line-batch';
import { createLogger } from './logger';

function recorder() {
  const chunks: string[] = [];
  let flushes = 0;
  return {
    chunks,
    flushes: () => flushes,
    write: (chunk: string) => chunks.push(chunk) > 0,
    flush: (cb?: (err?: Error | null) => void) => {
      flushes++;
      cb?.(null);
    },
    flushSync: () => {
      flushes++;
    },
  };
}

describe('batchLines', () => {
  it('given lines under the threshold, when written, then nothing goes out until ~4 KB are gathered, then all at once in order', () => {
    const out = recorder();
    const batch = batchLines(out, 100);
    const lines = Array.from({ length: 12 }, (_, i) => `{"n":${i},"msg":"第${i}行"}\n`);
    for (const l of lines) batch.write(l);
    expect(out.chunks.length).toBeGreaterThan(0);
    expect(out.chunks.every((c) => c.length >= 100)).toBe(true);
    batch.flushSync();
    expect(out.chunks.join('')).toBe(lines.join(''));
    expect(out.flushes()).toBe(1);
  });

  it('given gathered lines, when flushed with a callback or synchronously, then they go out first and the callback runs', async () => {
    const out = recorder();
    const batch = batchLines(out);
    batch.write('a\n');
    await new Promise<void>((resolve) => batch.flush(() => resolve()));
    expect(out.chunks).toEqual(['a\n']);
    batch.write('b\n');
    batch.flushSync();
    expect(out.chunks).toEqual(['a\n', 'b\n']);
    batch.flushSync();
    expect(out.chunks).toEqual(['a\n', 'b\n']);
  });

  it('given a logger on a real file through the batch, when lines are written and flushed, then the file holds every line whole', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'huiliu-lines-')), 'out.log');
    const out = pino.destination({ dest: file, sync: true });
    const batch = batchLines(out);
    const log = createLogger({ destination: batch });
    for (let i = 0; i < 500; i++) log.info({ reqId: `r${i}`, user: '张三', status: 200 }, 'request');
    batch.flushSync();
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(500);
    expect(lines.map((l) => l.reqId)).toEqual(Array.from({ length: 500 }, (_, i) => `r${i}`));
    expect(lines[499]).toMatchObject({ user: '张三', status: 200, msg: 'request', level: 'info' });
  });
});
