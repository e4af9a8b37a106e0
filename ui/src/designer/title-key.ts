/**
 * @module ui/designer/title-key: a field's key (字段标识) derived from its Chinese title, so an administrator never has
 * to invent an English identifier (#18 item 5).
 *
 * Convention: the title is cut into words — a run of Chinese characters is one word, spelt as the toneless pinyin of
 * its characters run together; a run of ASCII letters and digits is one word as written; anything else (spaces,
 * punctuation, （）, other scripts) only separates words. The words are joined in lowerCamelCase: the first all lower
 * case (ID 号码 → `idHaoma`), each later one with a capital initial. 联系电话 → `lianxidianhua`, 信息资源名称 → `xinxiziyuanmingcheng`,
 * 联系人 Email → `lianxirenEmail`, 绿色 → `lvse` (ü is written v). A key that would start with a digit gets a `_`;
 * keys are at most 40 characters; a title with no letters at all falls back to `field`. A key taken by a sibling gets
 * the first free number (`lianxidianhua2`).
 *
 * Pure: the pinyin of a run of characters is passed in (pinyin-loader.ts loads pinyin-pro when the designer opens),
 * so this runs under node and the forms page does not carry the dictionary on its first load.
 */

/** The toneless pinyin syllables of a run of Chinese characters, one per character. */
export type ToSyllables = (han: string) => string[];

export const MAX_KEY_LENGTH = 40;
const HAN = /\p{Script=Han}+/u;
const WORDS = /\p{Script=Han}+|[A-Za-z0-9]+/gu;

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The key a title reads as, or `field` when it holds nothing to spell. */
export function keyFromTitle(title: string, toSyllables: ToSyllables): string {
  const words = (title.match(WORDS) ?? [])
    .map((w) =>
      HAN.test(w)
        ? toSyllables(w)
            .map((s) =>
              s
                .toLowerCase()
                .replace(/ü/g, 'v')
                .replace(/[^a-z0-9]/g, ''),
            )
            .join('')
        : w,
    )
    .filter((w) => w !== '');
  if (words.length === 0) return 'field';
  const [first, ...rest] = words;
  const joined = first.toLowerCase() + rest.map(capital).join('');
  const key = /^[0-9]/.test(joined) ? `_${joined}` : joined;
  return key.slice(0, MAX_KEY_LENGTH);
}

/** `base` when no sibling has it, else `base2`, `base3`… (the first free one). */
export function uniqueKey(base: string, siblings: { name: string }[]): string {
  const taken = new Set(siblings.map((f) => f.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/**
 * Every property name anywhere in a schema (sections, table rows, if/then branches): the keys a saved version has
 * published, which never follow a title again. By name, not by place: a new field that happens to share a name
 * with a published one elsewhere simply keeps its key, the safe side.
 */
export function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) propertyNames(s, into);
  else if (schema && typeof schema === 'object')
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v))
        for (const name of Object.keys(v)) into.add(name);
      propertyNames(v, into);
    }
  return into;
}

/**
 * The string values a saved version offers as choices (`const` and `enum` anywhere): stored data may hold them, so an
 * option with one of these values keeps it when its label changes.
 */
export function publishedValues(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) publishedValues(s, into);
  else if (schema && typeof schema === 'object')
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'const' && typeof v === 'string') into.add(v);
      else if (k === 'enum' && Array.isArray(v)) {
        for (const e of v) if (typeof e === 'string') into.add(e);
      } else publishedValues(v, into);
    }
  return into;
}

/** A choice's value from its label among the other choices' values: the label's key, numbered on a clash. */
export function valueFromLabel(label: string, others: string[], toSyllables: ToSyllables): string {
  const base = keyFromTitle(label, toSyllables);
  if (!others.includes(base)) return base;
  for (let i = 2; ; i++) if (!others.includes(`${base}${i}`)) return `${base}${i}`;
}
