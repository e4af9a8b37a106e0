/**
 * @module ui/flows/model/conditions: branch conditions built from form fields (OR of AND-groups) ↔ FEEL. Reading
 * accepts exactly what writing produces (and the same with other spacing); anything else stays raw FEEL, shown as
 * written and never rewritten.
 */
import type { Condition, Rule, RuleOp } from './types';

const OPS: RuleOp[] = ['>=', '<=', '!=', '=', '>', '<'];

function literal(v: Rule['value']): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Groups → FEEL with the leading `=`. A group with several rules is parenthesised when there are several groups. */
export function conditionToFeel(c: Condition): string {
  if ('raw' in c) return c.raw;
  const groups = c.groups.filter((g) => g.length);
  if (!groups.length) return '=true';
  const one = (r: Rule) => `${r.field} ${r.op} ${literal(r.value)}`;
  const text = groups
    .map((g) =>
      g.length > 1 && groups.length > 1 ? `(${g.map(one).join(' and ')})` : g.map(one).join(' and '),
    )
    .join(' or ');
  return `=${text}`;
}

type Tok = { t: 'id' | 'str' | 'num' | 'bool' | 'op' | '(' | ')' | 'and' | 'or'; v: string };

function tokenize(s: string): Tok[] | null {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\') j++;
        v += s[j];
        j++;
      }
      if (j >= s.length) return null;
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(s.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(s.slice(i));
    if (!id) return null;
    const w = id[0];
    out.push(
      w === 'and' || w === 'or'
        ? { t: w, v: w }
        : w === 'true' || w === 'false'
          ? { t: 'bool', v: w }
          : { t: 'id', v: w },
    );
    i += w.length;
  }
  return out;
}

/** FEEL → groups when it is one of ours, else `{raw}`. */
export function feelToCondition(feel: string): Condition {
  const raw = { raw: feel };
  if (!feel.startsWith('=')) return raw;
  const toks = tokenize(feel.slice(1));
  if (!toks?.length) return raw;
  let p = 0;
  const rule = (): Rule | null => {
    const [f, o, v] = [toks[p], toks[p + 1], toks[p + 2]];
    if (f?.t !== 'id' || !FIELD.test(f.v) || o?.t !== 'op' || !v) return null;
    const value =
      v.t === 'str' ? v.v : v.t === 'num' ? Number(v.v) : v.t === 'bool' ? v.v === 'true' : undefined;
    if (value === undefined) return null;
    p += 3;
    return { field: f.v, op: o.v as RuleOp, value };
  };
  const rules = (): Rule[] | null => {
    const list: Rule[] = [];
    for (;;) {
      const r = rule();
      if (!r) return null;
      list.push(r);
      if (toks[p]?.t !== 'and') return list;
      p++;
    }
  };
  const groups: Rule[][] = [];
  for (;;) {
    let g: Rule[] | null;
    if (toks[p]?.t === '(') {
      p++;
      g = rules();
      if (!g || toks[p]?.t !== ')') return raw;
      p++;
    } else g = rules();
    if (!g) return raw;
    groups.push(g);
    if (p === toks.length) break;
    if (toks[p]?.t !== 'or') return raw;
    p++;
  }
  // Only what writing gives back the same way (and/or precedence without parentheses would differ).
  const c = { groups };
  return conditionToFeel(c).replace(/\s+/g, '') === feel.replace(/\s+/g, '') ? c : raw;
}
