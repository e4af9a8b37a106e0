/**
 * @module ui/designer/model: the designer's own picture of a form: an ordered list of fields (sections nest
 * fields, tables nest columns) with simple conditions. Pure data and functions, no React, so it runs under node.
 */
import { keyFromTitle, type ToSyllables, uniqueKey } from './title-key';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'date'
  | 'select'
  | 'checkbox'
  | 'unit'
  | 'catalogEntry'
  | 'attachments'
  | 'table'
  | 'section'
  /** A field read from JSON that the designer cannot edit: kept verbatim in `raw`, movable, deletable, renamable. */
  | 'custom';

/** The palette, in display order. */
export const FIELD_KINDS: FieldKind[] = [
  'text',
  'textarea',
  'number',
  'integer',
  'date',
  'select',
  'checkbox',
  'unit',
  'catalogEntry',
  'attachments',
  'table',
  'section',
];

/** Kinds a table column may have: the table field edits cells inline and only knows these. */
export const COLUMN_KINDS: FieldKind[] = ['text', 'number', 'integer', 'date', 'select', 'checkbox'];

export type ConditionValue = string | number | boolean;

/** "when field `field` equals `equals`" (or any of them, for a list), `field` being a sibling in the same object. */
export interface Condition {
  field: string;
  equals: ConditionValue | ConditionValue[];
  /**
   * required-when only: the branch also says `minLength: 1`, so an empty string sent through the API does not pass
   * as "filled" (the shipped review forms do this for their comment fields). Kept on import, written back.
   */
  nonEmpty?: boolean;
}

/** A place in the JSON the designer cannot express, with a reason in both languages. */
export interface Unsupported {
  path: string;
  message: string;
  messageEn: string;
}

export interface FieldOption {
  value: string;
  label: string;
  /** Designer-only, never written: the stored value still follows the label (pinyin), like a new field's key. */
  autoValue?: boolean;
}

/** What a new select starts with: two choices whose values follow their labels once these are typed. */
export const defaultOptions = (): FieldOption[] => [
  { value: 'option1', label: '选项1', autoValue: true },
  { value: 'option2', label: '选项2', autoValue: true },
];

export interface DesignerField {
  name: string;
  kind: FieldKind;
  title: string;
  description?: string;
  required?: boolean;
  /** select: the labelled choices (`oneOf: [{const, title}]`). */
  options?: FieldOption[];
  /** number/integer bounds. */
  min?: number;
  max?: number;
  /** text/textarea length bounds and pattern. */
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** date: a day before today (China time) is refused, by the server too (`x-not-before-today`). */
  notBeforeToday?: boolean;
  /** text: 唯一性 — no other catalog entry may hold the same value in this field (`x-unique: "catalog"`, server-checked). */
  unique?: boolean;
  /**
   * Designer-only, never written to JSON: the key still follows the title (set on fields added in this session, cleared
   * when the administrator types a key). A key read from a saved form never follows: existing data refers to it.
   */
  autoName?: boolean;
  visibleWhen?: Condition;
  requiredWhen?: Condition;
  /** table: the columns of each row. */
  columns?: DesignerField[];
  /** section: its own fields. */
  fields?: DesignerField[];
  /** table: keywords on the row object the designer keeps (title, additionalProperties). */
  rowExtra?: Record<string, unknown>;
  /** custom: the field's JSON as read, and why the designer cannot edit it. */
  raw?: { schema: Record<string, unknown>; uiSchema: Record<string, unknown> };
  unsupported?: Unsupported[];
  /** Annotations the designer does not edit but keeps (default, placeholder, help...), so a round trip loses nothing. */
  schemaExtra?: Record<string, unknown>;
  uiExtra?: Record<string, unknown>;
}

export interface DesignerModel {
  /** The schema's own title and description (the form's registry title lives beside the schema). */
  title?: string;
  description?: string;
  fields: DesignerField[];
  schemaExtra?: Record<string, unknown>;
  uiExtra?: Record<string, unknown>;
}

export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why a name cannot be used among `siblings` (the other fields of the same object), or null. */
export function nameProblem(
  name: string,
  siblings: DesignerField[],
  self?: DesignerField,
): 'empty' | 'pattern' | 'duplicate' | null {
  if (name === '') return 'empty';
  if (!NAME_PATTERN.test(name)) return 'pattern';
  if (siblings.some((f) => f !== self && f.name === name)) return 'duplicate';
  return null;
}

/** `field1`, `field2`... the first free one among siblings. */
export function freeName(siblings: DesignerField[], base = 'field'): string {
  const taken = new Set(siblings.map((f) => f.name));
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** The key a title gives among `siblings`, or the next `fieldN` while pinyin has not loaded. */
export function nameForTitle(title: string, siblings: DesignerField[], toSyllables?: ToSyllables): string {
  return toSyllables ? uniqueKey(keyFromTitle(title, toSyllables), siblings) : freeName(siblings);
}

/**
 * A new field of a kind, its key derived from its title (and following it: `autoName`); selects and tables start
 * with something to edit.
 */
export function newField(
  kind: FieldKind,
  siblings: DesignerField[],
  title: string,
  toSyllables?: ToSyllables,
): DesignerField {
  const field: DesignerField = {
    name: nameForTitle(title, siblings, toSyllables),
    kind,
    title,
    autoName: true,
  };
  if (kind === 'select') field.options = defaultOptions();
  if (kind === 'table') field.columns = [{ name: 'col1', kind: 'text', title: '列1' }];
  if (kind === 'section') field.fields = [];
  return field;
}

/** The values a condition on `field` can compare with, for pickers: options, true/false, or none (free input). */
export function conditionValues(
  field: DesignerField | undefined,
): { value: ConditionValue; label: string }[] {
  if (!field) return [];
  if (field.kind === 'select') return (field.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  if (field.kind === 'checkbox')
    return [
      { value: true, label: '是' },
      { value: false, label: '否' },
    ];
  return [];
}

/** Kinds whose value a condition can test with `const` (scalars). */
export function canBeConditionSource(field: DesignerField): boolean {
  return ['text', 'number', 'integer', 'date', 'select', 'checkbox', 'unit', 'catalogEntry'].includes(
    field.kind,
  );
}

/** Kinds a field can switch to without changing what its stored value is (a string stays a string...). */
export function compatibleKinds(kind: FieldKind): FieldKind[] {
  const groups: FieldKind[][] = [
    ['text', 'textarea', 'date', 'select', 'unit', 'catalogEntry'],
    ['number', 'integer'],
  ];
  return groups.find((g) => g.includes(kind)) ?? [kind];
}

/**
 * The field as another kind: name, title, description, required and conditions stay; what only made sense for
 * the old kind (options, bounds, pattern, a widget or format) goes, so the new kind is not constrained by accident.
 */
export function changeKind(f: DesignerField, kind: FieldKind): DesignerField {
  if (kind === f.kind) return f;
  const { name, title, description, required, visibleWhen, requiredWhen, schemaExtra, uiExtra, autoName } = f;
  const next: DesignerField = { name, kind, title };
  if (autoName) next.autoName = autoName;
  if (description) next.description = description;
  if (required) next.required = required;
  if (visibleWhen) next.visibleWhen = visibleWhen;
  if (requiredWhen) next.requiredWhen = requiredWhen;
  const keptSchema = Object.fromEntries(
    Object.entries(schemaExtra ?? {}).filter(
      ([k]) => !['format', 'minLength', 'maxLength', 'pattern'].includes(k),
    ),
  );
  const keptUi = Object.fromEntries(
    Object.entries(uiExtra ?? {}).filter(([k]) => k !== 'ui:widget' && k !== 'ui:field'),
  );
  if (Object.keys(keptSchema).length) next.schemaExtra = keptSchema;
  if (Object.keys(keptUi).length) next.uiExtra = keptUi;
  if (kind === 'select') next.options = defaultOptions();
  return next;
}
