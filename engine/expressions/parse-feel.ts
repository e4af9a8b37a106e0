/**
 * @module Syntax checking of FEEL expressions with feelin's parser, cached by source string.
 * feelin 8 exposes `parseExpression` but no public way to evaluate a parsed tree, so the cache saves the
 * syntax check (deploy-time validation, and the pre-check before each evaluation), not the evaluation.
 */
import { evaluate, parseExpression } from 'feelin';

export type ParseResult = { ok: true } | { ok: false; message: string; messageEn: string };

const MAX_CACHED = 2000;
const cache = new Map<string, ParseResult>();

export function isFeel(s: unknown): s is string {
  return typeof s === 'string' && s.startsWith('=');
}

/** The expression without its leading `=` marker. */
export function feelSource(expr: string): string {
  return (expr.startsWith('=') ? expr.slice(1) : expr).trim();
}

function syntaxError(source: string): ParseResult | null {
  if (source === '') return { ok: false, message: 'FEEL 表达式为空', messageEn: 'empty FEEL expression' };
  let bad = false;
  parseExpression(source, {}, undefined).iterate({
    enter: (node) => {
      if (node.type.isError) bad = true;
      return !bad;
    },
  });
  if (!bad) return null;
  // feelin's interpreter turns the first error node into a precise SyntaxError before evaluating anything,
  // so asking it costs nothing and keeps the wording its users know.
  let reason = 'syntax error';
  try {
    evaluate(source, {});
  } catch (e) {
    const pos = (e as { position?: { from: number } }).position;
    reason = `${(e as Error).message}${pos ? ` at ${pos.from}` : ''}`;
  }
  return {
    ok: false,
    message: `FEEL 表达式语法错误「${source}」：${reason}`,
    messageEn: `FEEL syntax error in "${source}": ${reason}`,
  };
}

/** Checks syntax; accepts the expression with or without the leading `=`. */
export function parseFeel(expr: string): ParseResult {
  const source = feelSource(expr);
  const hit = cache.get(source);
  if (hit) {
    // Refresh recency so hot conditions stay cached (Map keeps insertion order: oldest first).
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const result = syntaxError(source) ?? { ok: true as const };
  cache.set(source, result);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return result;
}

/** For tests and memory checks. */
export function parseCacheSize(): number {
  return cache.size;
}
