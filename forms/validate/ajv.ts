/**
 * @module The one ajv instance forms compile with: draft-07 (what @rjsf/validator-ajv8 uses), every error
 * (`allErrors`), ajv-formats, and our extension keywords. Reference keywords only *collect* values during the
 * synchronous pass (through the validation context, `passContext`); they are checked asynchronously afterwards
 * (refs.ts), which keeps ajv's own traversal of if/then, items and $ref the single source of truth about which
 * value sits under which keyword.
 */
import Ajv from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import addFormats from 'ajv-formats';
import { linearRegExp } from './linear-regexp';

export type RefKind = 'unit' | 'catalogEntry' | 'attachment';

/** Extension keyword → the injected check it needs. */
export const REF_KEYWORDS: Record<string, RefKind> = {
  'x-unit': 'unit',
  'x-catalog-entry': 'catalogEntry',
  'x-attachment': 'attachment',
};

/**
 * Rules the form designer offers as switches that plain JSON Schema cannot say (#18): `x-not-before-today` on a date
 * (`YYYY-MM-DD`, or a date-time's day) refuses a day before today in China time (a 共享期限 of 2019-01-01).
 */
export const RULE_KEYWORDS = ['x-not-before-today', 'x-unique'] as const;
/**
 * `x-unique: "catalog"` on a text field (唯一性): the value must not equal the same-named field of any other active
 * entry of the resource catalog. Only collected here (forms knows no catalog); the injected `valueTakenInCatalog`
 * answers afterwards (unique.ts). The one scope there is today is the catalog.
 */
export const UNIQUE_SCOPES = ['catalog'] as const;
export type UniqueScope = (typeof UNIQUE_SCOPES)[number];

/** Today's date in China time (UTC+8, no daylight saving), `YYYY-MM-DD`. */
export const chinaToday = (now = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/** Annotation-only extensions a form may carry (messages and hints); anything else `x-` is reported as unknown. */
export const ANNOTATION_KEYWORDS = ['x-error-message', 'x-error-message-en', 'enumNames'] as const;

export interface FoundRef {
  kind: RefKind;
  id: string;
  path: string;
}

/** `this` inside keyword functions when a validator is called as `validate.call(context, data)`. */
export interface ValidationContext {
  refs: FoundRef[];
  /** Values under `x-unique`, keyed by the property that holds them (`resourceName`, also inside `changes`). */
  unique?: FoundUnique[];
}

export interface FoundUnique {
  scope: UniqueScope;
  /** The property name: what the catalog entry's field is called. */
  field: string;
  value: string;
  path: string;
}

function collect(ctx: unknown, kind: RefKind, data: unknown, path: string) {
  const found = (ctx as Partial<ValidationContext> | undefined)?.refs;
  if (!Array.isArray(found)) return;
  const add = (value: unknown, at: string) => {
    // The UI's attachments field may store {id, name, ...} objects instead of bare ids.
    const id = typeof value === 'string' ? value : (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id !== '') found.push({ kind, id, path: at });
  };
  if (!Array.isArray(data)) return add(data, path);
  for (let i = 0; i < data.length; i++) add(data[i], `${path}/${i}`);
}

export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    verbose: true,
    passContext: true,
    // `pattern` / `patternProperties` run on RE2 (linear time): admin-authored patterns cannot ReDoS the server
    code: { regExp: linearRegExp as never },
  });
  addFormats(ajv);
  for (const [keyword, kind] of Object.entries(REF_KEYWORDS)) {
    ajv.addKeyword({
      keyword,
      schemaType: 'boolean',
      errors: false,
      validate(this: unknown, enabled: boolean, data: unknown, _parent?: unknown, cxt?: DataValidationCxt) {
        if (enabled) collect(this, kind, data, cxt?.instancePath ?? '');
        return true;
      },
    });
  }
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  ajv.addKeyword({
    keyword: 'x-unique',
    schemaType: 'string',
    // a misspelt scope is refused when the form is saved (the compile fails), not ignored at submit time
    metaSchema: { enum: [...UNIQUE_SCOPES] },
    errors: false,
    validate(this: unknown, scope: UniqueScope, data: unknown, _parent?: unknown, cxt?: DataValidationCxt) {
      const found = (this as Partial<ValidationContext> | undefined)?.unique;
      const field = cxt?.parentDataProperty;
      const path = cxt?.instancePath ?? '';
      // An empty value is `required`'s or `minLength`'s to judge. A cell of a table row (`/dataItems/0/name`) has no
      // field of an entry to be compared with, so only values outside lists are collected.
      const inRow = /\/\d+(\/|$)/.test(path);
      if (
        Array.isArray(found) &&
        typeof data === 'string' &&
        data.trim() !== '' &&
        typeof field === 'string' &&
        !inRow
      )
        found.push({ scope, field, value: data.trim(), path });
      return true;
    },
  });
  ajv.addKeyword({
    keyword: 'x-not-before-today',
    schemaType: 'boolean',
    errors: false,
    // only strings that start with a day are judged; a malformed date is `format`'s to report
    validate: (enabled: boolean, data: unknown) =>
      !enabled ||
      typeof data !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}/.test(data) ||
      data.slice(0, 10) >= chinaToday(),
  });
  return ajv;
}
