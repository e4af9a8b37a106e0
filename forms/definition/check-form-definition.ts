/**
 * @module checkFormDefinition: is this a form an administrator may save? Problems are values, each with a path
 * into the definition and a Chinese and English message, so the designer can show them beside the right field.
 */
import Ajv from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh';
import type { DefinitionCheck, DefinitionIssue } from '../types';
import { tryCompile, UNIQUE_SCOPES } from '../validate';
import { checkPatterns } from './check-patterns';
import { KNOWN_KEYWORDS, subschemas } from './known-keywords';

export const FORM_KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_KEY_LENGTH = 64;
export const MAX_TITLE_LENGTH = 200;
/** Bytes of the JSON of {title, schema, uiSchema}: a form is a page of fields, not a data dump. */
export const MAX_FORM_BYTES = 256 * 1024;
/** Nesting of subschemas (root = 1): deeper forms are unusable on screen and cost stack in every walker. */
export const MAX_SCHEMA_DEPTH = 20;
const DRAFT7_IDS = ['http://json-schema.org/draft-07/schema#', 'http://json-schema.org/draft-07/schema'];

const metaAjv = new Ajv({ strict: false, allErrors: true });
const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Anything shaped like a definition: input from HTTP or a file is checked before it is trusted. */
export interface DefinitionInput {
  key?: unknown;
  title?: unknown;
  schema?: unknown;
  uiSchema?: unknown;
}

export function checkFormDefinition(def: DefinitionInput): DefinitionCheck {
  const issues: DefinitionIssue[] = [];
  const add = (path: string, message: string, messageEn: string) => issues.push({ path, message, messageEn });
  const key = def.key;
  if (typeof key !== 'string' || !FORM_KEY_PATTERN.test(key) || key.length > MAX_KEY_LENGTH) {
    add(
      '/key',
      `表单标识须为小写字母、数字和连字符（如 unit-approval），以字母开头，不超过 ${MAX_KEY_LENGTH} 个字符`,
      `The form key must be lowercase letters, digits and hyphens (like unit-approval), start with a letter, at most ${MAX_KEY_LENGTH} characters`,
    );
  }
  if (typeof def.title !== 'string' || def.title.trim() === '')
    add('/title', '表单名称为必填项', 'The form title is required');
  else if (def.title.length > MAX_TITLE_LENGTH)
    add(
      '/title',
      `表单名称不能超过 ${MAX_TITLE_LENGTH} 个字符`,
      `The form title must be at most ${MAX_TITLE_LENGTH} characters`,
    );
  if (def.uiSchema !== undefined && def.uiSchema !== null && !isObject(def.uiSchema)) {
    add('/uiSchema', 'uiSchema 必须是 JSON 对象', 'uiSchema must be a JSON object');
  }
  const schema = def.schema;
  if (!isObject(schema)) {
    add('/schema', '表单结构（schema）必须是 JSON 对象', 'The schema must be a JSON object');
    return { ok: false, issues };
  }
  const bytes = Buffer.byteLength(JSON.stringify({ title: def.title, schema, uiSchema: def.uiSchema ?? {} }));
  if (bytes > MAX_FORM_BYTES) {
    add(
      '/schema',
      `表单定义过大（${Math.ceil(bytes / 1024)} KB），上限为 ${MAX_FORM_BYTES / 1024} KB`,
      `The form definition is too large (${Math.ceil(bytes / 1024)} KB); the limit is ${MAX_FORM_BYTES / 1024} KB`,
    );
    return { ok: false, issues };
  }
  const depth = schemaDepth(schema);
  if (depth > MAX_SCHEMA_DEPTH) {
    add(
      '/schema',
      `表单结构嵌套过深（${depth} 层），上限为 ${MAX_SCHEMA_DEPTH} 层`,
      `The schema is nested too deeply (${depth} levels); the limit is ${MAX_SCHEMA_DEPTH}`,
    );
    return { ok: false, issues };
  }
  if (schema.$schema !== undefined && !DRAFT7_IDS.includes(schema.$schema)) {
    add(
      '/schema/$schema',
      `不支持的 JSON Schema 版本 ${String(schema.$schema)}，请使用 draft-07`,
      `Unsupported JSON Schema dialect ${String(schema.$schema)}; use draft-07`,
    );
    return { ok: false, issues };
  }
  if (schema.type !== 'object')
    add(
      '/schema/type',
      '表单最外层必须是对象（"type": "object"）',
      'The top level of a form schema must be "type": "object"',
    );
  unknownKeywords(schema, '/schema', add);
  metaErrors(schema, add);
  // Admin-authored regular expressions: only the vetted subset (the browser still backtracks; ReDoS)
  checkPatterns(schema, '/schema', typeof def.title === 'string' ? def.title : '表单', add, subschemas);
  if (issues.length === 0) {
    const err = tryCompile(schema);
    if (err)
      add('/schema', `表单结构无法编译：${err.message}`, `The schema does not compile: ${err.message}`);
  }
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

function schemaDepth(schema: Record<string, any>, level = 1): number {
  if (level > MAX_SCHEMA_DEPTH + 1) return level; // enough to reject; do not walk a hostile depth
  let max = level;
  for (const sub of subschemas(schema)) max = Math.max(max, schemaDepth(sub.schema, level + 1));
  return max;
}

type Add = (path: string, message: string, messageEn: string) => void;

/** Typos (`requried`) would silently check nothing under `strict: false`: every keyword must be one we know. */
function unknownKeywords(schema: Record<string, any>, path: string, add: Add) {
  for (const k of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(k))
      add(`${path}/${k}`, `未知的关键字“${k}”（拼写错误？）`, `Unknown keyword "${k}" (a typo?)`);
  }
  // said here in words; ajv's compile error would only say "must be equal to one of the allowed values"
  if ('x-unique' in schema && !(UNIQUE_SCOPES as readonly unknown[]).includes(schema['x-unique']))
    add(
      `${path}/x-unique`,
      `唯一性（x-unique）只能是 "catalog"（在资源目录中唯一），不能是 ${JSON.stringify(schema['x-unique'])}`,
      `x-unique can only be "catalog" (unique in the resource catalog), not ${JSON.stringify(schema['x-unique'])}`,
    );
  for (const sub of subschemas(schema)) unknownKeywords(sub.schema, `${path}${sub.path}`, add);
}

/** Wrong keyword values (`"minLength": "3"`, `"required": true`), checked against the draft-07 meta-schema. */
function metaErrors(schema: Record<string, any>, add: Add) {
  if (metaAjv.validateSchema(schema)) return;
  const en = (metaAjv.errors ?? []).map((e) => ({ ...e }));
  const zh = (metaAjv.errors ?? []).map((e) => ({ ...e }));
  localizeZh(zh);
  zh.forEach((e, i) => {
    const where = e.instancePath || '/';
    add(
      `/schema${e.instancePath}`,
      `JSON Schema 不合法：${where} ${e.message}`,
      `Invalid JSON Schema: ${where} ${en[i].message}`,
    );
  });
}
