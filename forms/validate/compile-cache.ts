/**
 * @module Compiled validators, once per (form key, version), in a bounded LRU map. A saved version never changes,
 * but drafts (version 0) and tests may reuse an identity with other content, so a hit also compares the source.
 */
import type { ValidateFunction } from 'ajv';
import type { FormToValidate } from '../types';
import { createAjv } from './ajv';

const MAX_ENTRIES = 500;
const ajv = createAjv();
const cache = new Map<string, { source: string; validate: ValidateFunction; compiled: object }>();

/** The compiled validator of a form; throws (a bug: saved forms passed meta-validation) if it does not compile. */
export function compiledValidator(form: FormToValidate): ValidateFunction {
  const id = `${form.key}@${form.version}`;
  const source = JSON.stringify(form.schema);
  const hit = cache.get(id);
  if (hit && hit.source === source) {
    cache.delete(id);
    cache.set(id, hit); // most recently used goes last
    return hit.validate;
  }
  if (hit) forget(id);
  // A copy without $id: ajv registers schemas by $id and would refuse a second version with the same one.
  const { $id: _ignored, ...compiled } = form.schema;
  const validate = ajv.compile(compiled);
  cache.set(id, { source, validate, compiled });
  while (cache.size > MAX_ENTRIES) forget(cache.keys().next().value as string);
  return validate;
}

function forget(id: string) {
  const entry = cache.get(id);
  if (entry) ajv.removeSchema(entry.compiled); // ajv keeps its own map keyed by schema object
  cache.delete(id);
}

/** Compiles without caching (meta-validation of a definition that is not saved yet); returns the error if any. */
export function tryCompile(schema: object): Error | undefined {
  const { $id: _ignored, ...copy } = schema as Record<string, unknown>;
  try {
    ajv.compile(copy);
    return undefined;
  } catch (err) {
    return err as Error;
  } finally {
    ajv.removeSchema(copy);
  }
}

export const cacheSize = () => cache.size;
