/** @module The shapes the forms module speaks in: a form definition, a stored version, validation results. */

/** A JSON Schema (draft-07) object, as authored. */
export type JsonSchema = Record<string, any>;
/** An rjsf uiSchema: `ui:*` hints keyed like the schema's properties (`items` for array rows). */
export type UiSchema = Record<string, any>;
export type Lang = 'zh' | 'en';

/** What an author writes (a `*.form.json` file is exactly this). */
export interface FormDefinition {
  key: string;
  title: string;
  schema: JsonSchema;
  uiSchema?: UiSchema;
}

/** One saved, immutable version. */
export interface StoredForm {
  key: string;
  version: number;
  title: string;
  schema: JsonSchema;
  uiSchema: UiSchema;
  checksum: string;
  createdBy: string | null;
  createdAt: Date;
}

/** The form a piece of data is validated against: identity (for the compile cache) plus content. */
export interface FormToValidate {
  key: string;
  version: number;
  schema: JsonSchema;
  uiSchema?: UiSchema;
}

/**
 * One failing field: `path` is a JSON pointer into the data (`/dataItems/0/name`), `field` its readable title path
 * (`数据项 第1行 名称`), `message` in the requested language, `messageEn` always English.
 */
export interface FieldIssue {
  path: string;
  message: string;
  messageEn: string;
  field: string;
}
export type FormDataCheck = { ok: true } | { ok: false; details: FieldIssue[] };

/**
 * Reference checks the server injects, so forms knows no tables. Each answers for the caller of the request
 * (visibility and ownership are the caller's).
 */
export interface RefChecks {
  unitExists?(id: string): Promise<boolean>;
  catalogEntryVisible?(id: string): Promise<boolean>;
  attachmentOwned?(id: string): Promise<boolean>;
  /**
   * 唯一性 (`x-unique: "catalog"`): whether an active catalog entry other than `exceptEntryIds` holds `value` in its
   * field `field`. Asked county-wide, whatever the caller may see: uniqueness is the catalog's, not the viewer's.
   */
  valueTakenInCatalog?(field: string, value: string, exceptEntryIds: string[]): Promise<boolean>;
}

/** A problem with a form definition itself (meta-validation), in Chinese and English. */
export interface DefinitionIssue {
  path: string;
  message: string;
  messageEn: string;
}
export type DefinitionCheck = { ok: true } | { ok: false; issues: DefinitionIssue[] };
