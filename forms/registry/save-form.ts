/**
 * @module saveForm: stores a form as its next version, or, when title/schema/uiSchema equal the latest version,
 * returns that one unchanged (`created: false`), so redeploying the same files is harmless.
 */
import { AppError } from '../../platform/errors';
import type { DbOrTx } from '../../platform/db/db';
import { checkFormDefinition } from '../definition';
import { insertFormRow, selectLatestForm } from '../store';
import type { JsonSchema, UiSchema } from '../types';
import { formChecksum, withFieldOrder } from './canonical';

export interface SaveFormInput {
  key: string;
  title: string;
  schema: unknown;
  uiSchema?: unknown;
  createdBy?: string | null;
}
export interface SaveFormResult {
  key: string;
  version: number;
  created: boolean;
}

/** Throws AppError FORM_INVALID (details: issues with path, message, messageEn) for a definition that fails checks. */
export async function saveForm(db: DbOrTx, input: SaveFormInput): Promise<SaveFormResult> {
  const check = checkFormDefinition(input);
  if (!check.ok) {
    throw new AppError('FORM_INVALID', `表单 ${String(input.key)} 的定义有 ${check.issues.length} 个问题`, {
      messageEn: `The definition of form ${String(input.key)} has ${check.issues.length} problem(s)`,
      details: check.issues,
    });
  }
  const schema = input.schema as JsonSchema;
  const uiSchema = withFieldOrder(schema, (input.uiSchema ?? {}) as UiSchema);
  const title = input.title.trim();
  const checksum = formChecksum({ title, schema, uiSchema });
  const latest = await selectLatestForm(db, input.key);
  if (latest?.checksum === checksum) return { key: latest.key, version: latest.version, created: false };
  try {
    const row = await insertFormRow(db, {
      key: input.key,
      version: (latest?.version ?? 0) + 1,
      title,
      schema,
      uiSchema,
      checksum,
      createdBy: input.createdBy ?? null,
    });
    return { key: row.key, version: row.version, created: true };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', `表单 ${input.key} 刚被他人保存了新版本，请刷新后重试`, {
        messageEn: `Someone else just saved a new version of form ${input.key}; reload and try again`,
        cause: err,
      });
    }
    throw err;
  }
}

/** PostgreSQL 23505, as pg reports it and as drizzle wraps it (in `cause`). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: any = err, i = 0; e && i < 5; e = e.cause, i++) if (e.code === '23505') return true;
  return false;
}
