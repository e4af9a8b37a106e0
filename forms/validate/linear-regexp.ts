/**
 * @module The server's regular-expression engine for form patterns: RE2 (re2js, pure JavaScript), whose matching
 * time is linear in the input, so an administrator's `pattern` can never hang the server on a long string
 * (ReDoS). RE2 has no backreferences or lookarounds; a form that uses them is refused when it is saved.
 */
import { RE2JS } from 're2js';

/**
 * JavaScript escapes RE2 spells differently: `\uXXXX` and `\u{X…}` become `\x{…}` (an escaped backslash, `\\u`,
 * stays a backslash followed by `u`).
 */
export function toRe2Syntax(pattern: string): string {
  return pattern.replace(/\\(\\|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4}))/g, (all, _x, braced, four) =>
    all === '\\\\' ? all : `\\x{${braced ?? four}}`,
  );
}

/** Compiles with RE2, or returns the reason it cannot (JavaScript-only syntax). */
export function compileLinear(pattern: string): { ok: true; re: RE2JS } | { ok: false; reason: string } {
  try {
    return { ok: true, re: RE2JS.compile(toRe2Syntax(pattern)) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

export interface RegExpLike {
  test(s: string): boolean;
}

/**
 * ajv's `code.regExp`: RE2 for every pattern it can compile. A pattern saved before the save-time check that only
 * JavaScript understands keeps working on the native engine rather than failing every form that uses it.
 */
export function linearRegExp(pattern: string, flags: string): RegExpLike {
  const compiled = compileLinear(pattern);
  if (!compiled.ok) return new RegExp(pattern, flags);
  const { re } = compiled;
  // ajv keys its scope values by toString(): one per pattern
  return { test: (s: string) => re.test(s), toString: () => `re2:${pattern}` } as RegExpLike;
}
linearRegExp.code = 'linearRegExp';
