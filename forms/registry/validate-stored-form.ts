/**
 * @module validateStoredForm: data against a saved form version (the latest when the version is null), for the
 * runtime's start/complete checks: `validateForm: (key, version, data, user) => validateStoredForm(db, key,
 * version, data, { refs: refsFor(user) })`.
 */
import { AppError } from '../../platform/errors';
import type { DbOrTx } from '../../platform/db/db';
import type { FormDataCheck } from '../types';
import { type ValidateOptions, validateFormData } from '../validate';
import { getForm } from './read-forms';

export async function validateStoredForm(
  db: DbOrTx,
  key: string,
  version: number | null | undefined,
  data: unknown,
  options: ValidateOptions = {},
): Promise<FormDataCheck> {
  const form = await getForm(db, key, version);
  if (!form) {
    throw new AppError('NOT_FOUND', `表单 ${key}${version ? ` 第 ${version} 版` : ''} 不存在`, {
      messageEn: `Form ${key}${version ? ` version ${version}` : ''} does not exist`,
    });
  }
  return validateFormData(form, data, options);
}
