/**
 * @module The catalog workbook speaks the labels the registration form shows (无条件共享, 每月, …). The lists come
 * from the form itself, the county's latest `catalog-entry` version (else the shipped file), never a copy here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as forms from '../../../forms';
import type { DbOrTx } from '../../../platform/db/db';

export interface CatalogForm {
  key: string;
  version: number;
  schema: Record<string, any>;
  uiSchema?: Record<string, any>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const SHIPPED = path.join(here, '../../catalog-registration/catalog-entry.form.json');

export async function catalogForm(db: DbOrTx): Promise<CatalogForm> {
  const stored = await forms.getForm(db, 'catalog-entry');
  if (stored)
    return {
      key: stored.key,
      version: stored.version,
      schema: stored.schema as never,
      uiSchema: stored.uiSchema as never,
    };
  const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8'));
  return { key: 'catalog-entry', version: 0, schema: shipped.schema, uiSchema: shipped.uiSchema };
}

export interface Choices {
  /** label or stored value → stored value */
  toValue: Map<string, string>;
  /** stored value → label */
  toLabel: Map<string, string>;
  labels: string[];
}

/** The `{const, title}` options of a property's oneOf/anyOf (the shape rjsf renders as a list). */
export function choicesOf(property: Record<string, any> | undefined): Choices {
  const toValue = new Map<string, string>();
  const toLabel = new Map<string, string>();
  const labels: string[] = [];
  for (const option of [...(property?.oneOf ?? []), ...(property?.anyOf ?? [])]) {
    if (typeof option?.const !== 'string') continue;
    const label = typeof option.title === 'string' ? option.title : option.const;
    toValue.set(label, option.const);
    toValue.set(option.const, option.const);
    toLabel.set(option.const, label);
    labels.push(label);
  }
  for (const value of property?.enum ?? []) {
    if (typeof value !== 'string' || toValue.has(value)) continue;
    toValue.set(value, value);
    toLabel.set(value, value);
    labels.push(value);
  }
  return { toValue, toLabel, labels };
}

export const entryProperty = (form: CatalogForm, field: string) => form.schema.properties?.[field];
export const itemProperty = (form: CatalogForm, field: string) =>
  form.schema.properties?.dataItems?.items?.properties?.[field];
