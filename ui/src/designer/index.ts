/** @module ui/designer: the visual form designer (palette, fields, properties, JSON and preview tabs) and its pure model. */
export { moveField, removeField, renameField, replaceField } from './edit-fields';
export { FormDesigner, type FormDesignerProps, type FormDesignerValue } from './form-designer';
export { fromJsonSchema, type ImportResult, isUnsupported, type Unsupported } from './from-json-schema';
export { type DesignerKey, type DesignerLang, designerT, kindLabel } from './messages';
export {
  COLUMN_KINDS,
  type Condition,
  type ConditionValue,
  conditionValues,
  type DesignerField,
  type DesignerModel,
  FIELD_KINDS,
  type FieldKind,
  type FieldOption,
  freeName,
  NAME_PATTERN,
  nameProblem,
  newField,
} from './model';
export { childrenOf, type FieldPath, fieldAt, listAt, updateListAt } from './model-paths';
export { type CompiledForm, compileObject, conditionIf, fieldToSchema, toJsonSchema } from './to-json-schema';
