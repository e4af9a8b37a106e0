/** @module The forms module (forms/index.ts) as the runtime's default FormsPort: deployments save forms and pin versions. */
import { latestFormVersion, saveForm } from '../../forms';
import type { FormsPort } from './types';

export const defaultForms: FormsPort = {
  saveForm: (db, form) => saveForm(db, { ...form, createdBy: form.createdBy ?? null }),
  latestFormVersion,
};
