/**
 * @module Save-time check of a form's regular expressions (`pattern`, `patternProperties`): the vetted subset.
 * The server matches with RE2 (linear time), but the browser's form validates with JavaScript's backtracking
 * engine, so a pattern that can backtrack exponentially would still freeze the user's page. Refused: nested
 * quantifiers whose repetitions can split the input in more than one way (`(a+)+`, `(a|a)*`), backreferences,
 * lookarounds, and whatever RE2 cannot compile. A repeated group that starts with a fixed separator no inner
 * repetition can match (`(-[A-Z0-9]+)*`) is unambiguous and allowed.
 */
import { compileLinear } from '../validate/linear-regexp';

/** Longer patterns are not validation rules but programs. */
export const MAX_PATTERN_LENGTH = 1000;

interface Atom {
  kind: 'atom';
  /** Source text, for matching a single character against it. */
  text: string;
  /** The one character it stands for, when it is a plain (or escaped punctuation) literal. */
  literal?: string;
  /** Zero-width: ^ $ \b \B. */
  anchor?: boolean;
}
interface Group {
  kind: 'group';
  alts: Item[][];
}
interface Item {
  node: Atom | Group;
  min: number;
  max: number;
}

export type PatternProblem = 'too-long' | 'backreference' | 'lookaround' | 'nested-quantifier' | 'syntax';

class Refused extends Error {
  constructor(readonly problem: PatternProblem) {
    super(problem);
  }
}

/** Parses the subset (JavaScript syntax); throws Refused for what is not allowed. */
function parse(src: string): Item[][] {
  let i = 0;
  const alternatives = (): Item[][] => {
    const alts: Item[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const node = atom();
      const [min, max] = quantifier(node);
      alts[alts.length - 1].push({ node, min, max });
    }
    return alts;
  };
  const atom = (): Atom | Group => {
    const start = i;
    const c = src[i];
    if (c === '(') {
      i++;
      if (/^\?(=|!|<=|<!)/.test(src.slice(i))) throw new Refused('lookaround');
      if (src.startsWith('?:', i)) i += 2;
      else if (/^\?<[A-Za-z_]\w*>/.test(src.slice(i))) i = src.indexOf('>', i) + 1;
      else if (src[i] === '?') throw new Refused('syntax');
      const alts = alternatives();
      if (src[i] !== ')') throw new Refused('syntax');
      i++;
      return { kind: 'group', alts };
    }
    if (c === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) throw new Refused('syntax');
      i++;
      return { kind: 'atom', text: src.slice(start, i) };
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) throw new Refused('syntax');
      if (/[1-9]/.test(e) || (e === 'k' && src[i + 2] === '<')) throw new Refused('backreference');
      if (e === 'b' || e === 'B') {
        i += 2;
        return { kind: 'atom', text: src.slice(start, i), anchor: true };
      }
      const long = /^\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\})/.exec(
        src.slice(i),
      );
      i += long ? long[0].length : 2;
      const text = src.slice(start, i);
      return { kind: 'atom', text, ...(/^\\[^\w\s]$/.test(text) ? { literal: e } : {}) };
    }
    if (c === '^' || c === '$') {
      i++;
      return { kind: 'atom', text: c, anchor: true };
    }
    if (c === ')' || c === '*' || c === '+' || c === '?') throw new Refused('syntax');
    const ch = String.fromCodePoint(src.codePointAt(i) as number);
    i += ch.length;
    return { kind: 'atom', text: c === '.' ? '.' : ch, ...(c === '.' ? {} : { literal: ch }) };
  };
  const quantifier = (node: Atom | Group): [number, number] => {
    let range: [number, number] = [1, 1];
    const c = src[i];
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
    if (c === '*') range = [0, Infinity];
    else if (c === '+') range = [1, Infinity];
    else if (c === '?') range = [0, 1];
    else if (braces) {
      const lo = Number(braces[1]);
      range = [lo, braces[2] === undefined ? lo : braces[3] === '' ? Infinity : Number(braces[3])];
    } else return range;
    if (node.kind === 'atom' && node.anchor) throw new Refused('syntax');
    i += braces ? braces[0].length : 1;
    if (src[i] === '?') i++; // lazy: the same ambiguity
    return range;
  };
  const alts = alternatives();
  if (i < src.length) throw new Refused('syntax');
  return alts;
}

/** Items inside that repeat a variable number of times (the sources of more than one way to split). */
function variableItems(alts: Item[][]): Item[] {
  return alts
    .flat()
    .flatMap((it) => [
      ...(it.min !== it.max ? [it] : []),
      ...(it.node.kind === 'group' ? variableItems(it.node.alts) : []),
    ]);
}

function canMatch(node: Atom | Group, ch: string): boolean {
  if (node.kind === 'group') return node.alts.some((a) => a.some((it) => canMatch(it.node, ch)));
  if (node.anchor) return false;
  try {
    return new RegExp(`^(?:${node.text})$`, 'u').test(ch);
  } catch {
    return true; // unknown: assume the worst
  }
}

/**
 * A group repeated a variable number of times is unambiguous when every alternative starts (or every one ends)
 * with its own fixed character and nothing that repeats inside can match one of those characters: each
 * repetition then begins (or ends) at a place the input decides.
 */
function unambiguousRepeat(group: Group): boolean {
  const inner = variableItems(group.alts);
  if (group.alts.length === 1 && inner.length === 0) return true;
  return fixedEdge(group, inner, (alt) => alt[0]) || fixedEdge(group, inner, (alt) => alt.at(-1));
}

function fixedEdge(group: Group, inner: Item[], edge: (alt: Item[]) => Item | undefined): boolean {
  const chars: string[] = [];
  for (const alt of group.alts) {
    const it = edge(alt);
    if (it?.node.kind !== 'atom' || !it.node.literal || it.min < 1) return false;
    chars.push(it.node.literal);
  }
  if (new Set(chars).size !== chars.length) return false;
  return inner.every((it) => chars.every((c) => !canMatch(it.node, c)));
}

function checkRepeats(alts: Item[][]) {
  for (const it of alts.flat()) {
    if (it.node.kind !== 'group') continue;
    if (it.max > 1 && it.min !== it.max && !unambiguousRepeat(it.node))
      throw new Refused('nested-quantifier');
    checkRepeats(it.node.alts);
  }
}

/** The problem with a pattern, or undefined when it is in the vetted subset. */
export function patternProblem(pattern: string): PatternProblem | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return 'too-long';
  try {
    checkRepeats(parse(pattern));
  } catch (e) {
    if (e instanceof Refused) return e.problem;
    throw e;
  }
  return compileLinear(pattern).ok ? undefined : 'syntax';
}

const ZH: Record<PatternProblem, string> = {
  'too-long': `过长（上限 ${MAX_PATTERN_LENGTH} 个字符）`,
  backreference: '使用了反向引用（如 \\1），不受支持',
  lookaround: '使用了前瞻或后顾断言（如 (?=…)），不受支持',
  'nested-quantifier':
    '含有嵌套量词或可重叠的重复分支（如 (a+)+、(a|a)*），可能导致回溯失控；请改写为不含歧义的形式，如 [a-z]+(-[a-z]+)*',
  syntax: '不是受支持的正则表达式（仅支持 RE2 语法子集）',
};
const EN: Record<PatternProblem, string> = {
  'too-long': `is too long (at most ${MAX_PATTERN_LENGTH} characters)`,
  backreference: 'uses a backreference (like \\1), which is not supported',
  lookaround: 'uses a lookahead or lookbehind (like (?=…)), which is not supported',
  'nested-quantifier':
    'has nested quantifiers or overlapping repeated alternatives (like (a+)+ or (a|a)*) that can backtrack without end; write it unambiguously, like [a-z]+(-[a-z]+)*',
  syntax: 'is not a supported regular expression (the RE2 subset only)',
};

type Add = (path: string, message: string, messageEn: string) => void;

/** Checks every `pattern` and `patternProperties` key under `schema`, naming the field (its title, else its key). */
export function checkPatterns(
  schema: Record<string, any>,
  path: string,
  field: string,
  add: Add,
  subschemas: (s: Record<string, any>) => { path: string; schema: Record<string, any> }[],
) {
  const name = typeof schema.title === 'string' && schema.title ? schema.title : field;
  const report = (at: string, pattern: string) => {
    const problem = patternProblem(pattern);
    if (problem)
      add(
        at,
        `「${name}」的正则表达式 ${pattern} ${ZH[problem]}`,
        `The pattern ${pattern} of "${name}" ${EN[problem]}`,
      );
  };
  if (typeof schema.pattern === 'string') report(`${path}/pattern`, schema.pattern);
  const pp = schema.patternProperties;
  if (pp && typeof pp === 'object' && !Array.isArray(pp))
    for (const key of Object.keys(pp)) report(`${path}/patternProperties`, key);
  for (const sub of subschemas(schema)) {
    const last = sub.path.split('/').at(-1)?.replace(/~1/g, '/').replace(/~0/g, '~') ?? field;
    const child =
      sub.path.startsWith('/properties/') || sub.path.startsWith('/patternProperties/') ? last : name;
    checkPatterns(sub.schema, `${path}${sub.path}`, child, add, subschemas);
  }
}
