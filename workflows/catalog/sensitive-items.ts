/**
 * @module Data items marked 是否敏感 (`sensitive: true`) are sealed in the stored version (AES-256-GCM with
 * HUILIU_DATA_KEY, platform/crypto) and opened on read, so a database dump or backup does not show them. Without a
 * key they are stored as entered. The entry's search text and same-name index keep the item names (discovery and
 * 一数一源 need them); the sealed copy is the item as registered.
 */
import type { Json } from '../../engine/contract';
import { openJson, type SealedJson, sealJson } from '../../platform/crypto/data-keys';
import type { EntryFields } from './fields';

const PURPOSE = 'huiliu:catalog-data-item';

interface SealedItem {
  sensitive: true;
  sealed: SealedJson;
}

const isObject = (v: unknown): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
const isSealed = (v: unknown): v is SealedItem =>
  isObject(v) &&
  isObject(v.sealed) &&
  typeof v.sealed.keyId === 'string' &&
  typeof v.sealed.data === 'string';

/** The fields as they are stored: sensitive items sealed when a key is configured. */
export function sealSensitiveItems(fields: EntryFields): EntryFields {
  if (!Array.isArray(fields.dataItems)) return fields;
  const items = fields.dataItems.map((item) => {
    if (!isObject(item) || item.sensitive !== true || isSealed(item)) return item;
    const sealed = sealJson(item, PURPOSE);
    return sealed ? ({ sensitive: true, sealed } as unknown as Json) : item;
  });
  return { ...fields, dataItems: items };
}

/** The fields as registered: sealed items opened (a DataKeyError when their key is not configured). */
export function openSensitiveItems(fields: EntryFields): EntryFields {
  if (!Array.isArray(fields.dataItems) || !fields.dataItems.some(isSealed)) return fields;
  return {
    ...fields,
    dataItems: fields.dataItems.map((item) =>
      isSealed(item) ? (openJson(item.sealed, PURPOSE) as Json) : item,
    ),
  };
}
