/** @module ui/forms/schema-form: the one form renderer: rjsf + antd theme + ajv8, Chinese messages, our widgets, server 422s on their fields. */
import Form from '@rjsf/antd';
import type { ErrorSchema, RegistryFieldsType, RegistryWidgetsType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Alert, Button, Space } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useLocale } from '../i18n';
import { showError } from '../lib';
import { annotateUiSchema } from './annotate-ui';
import { liftChoices, makeChoiceValidate } from './choice-schema';
import { AttachmentsField } from './fields/attachments-field';
import { ConstOrValueField } from './fields/const-or-value-field';
import { TableField } from './fields/table-field';
import { localizeForm } from './localize-form';
import { localizeFormLabels, zhStringTranslator } from './localize-labels';
import { makeTransformErrors } from './localize-errors';
import type { JsonSchema } from './schema-paths';
import { fieldIssuesOf, toErrorSchema } from './server-errors';
import { CatalogEntryPicker, SystemPicker, UnitPicker } from './widgets/pickers';
import { PlainNumberWidget, PlainSelectWidget, PlainTextWidget } from './widgets/plain-inputs';

const validator = customizeValidator();

export const formWidgets: RegistryWidgetsType = {
  unit: UnitPicker,
  catalogEntry: CatalogEntryPicker,
  informationSystem: SystemPicker,
  SelectWidget: PlainSelectWidget,
  UpDownWidget: PlainNumberWidget,
  TextWidget: PlainTextWidget,
};

export const formFields: RegistryFieldsType = {
  table: TableField,
  attachments: AttachmentsField,
  constOrValue: ConstOrValueField,
};

export interface SchemaFormProps {
  schema: JsonSchema;
  uiSchema?: JsonSchema;
  formData?: Record<string, unknown>;
  onChange?: (data: Record<string, unknown>) => void;
  /** Resolves when done; a 422 rejection is shown on the fields, anything else via message. */
  onSubmit?: (data: Record<string, unknown>) => Promise<unknown>;
  submitText?: string;
  readonly?: boolean;
  formContext?: Record<string, unknown>;
  /** Extra buttons beside submit. */
  actions?: ReactNode;
  testId?: string;
}

export function SchemaForm(props: SchemaFormProps) {
  const { onChange, onSubmit, submitText, readonly, formContext, actions, testId } = props;
  const { lang, t } = useLocale();
  // English labels, descriptions, placeholders and choices where the form's author gave them (localize-form).
  const localized = useMemo(
    () => localizeForm(props.schema, props.uiSchema, lang),
    [props.schema, props.uiSchema, lang],
  );
  const schema = localized.schema ?? props.schema;
  const uiSchema = localized.uiSchema;
  const [data, setData] = useState<Record<string, unknown>>(props.formData ?? {});
  const [serverErrors, setServerErrors] = useState<ErrorSchema | undefined>();
  const [topErrors, setTopErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const transformErrors = useMemo(
    () => makeTransformErrors(schema, uiSchema, lang),
    [schema, uiSchema, lang],
  );
  // The root title is dropped: the page or drawer around a form already names it.
  const lifted = useMemo(() => {
    const l = liftChoices(schema);
    const { title: _title, ...untitled } = l.schema;
    return { ...l, schema: untitled };
  }, [schema]);
  const customValidate = useMemo(
    () => (lifted.paths.length ? makeChoiceValidate(lifted.schema, uiSchema, lifted.paths, lang) : undefined),
    [lifted, uiSchema, lang],
  );
  const ui = useMemo(
    () => localizeFormLabels(annotateUiSchema(schema, uiSchema ?? {}), lang),
    [schema, uiSchema, lang],
  );

  const submit = async (formData: Record<string, unknown>) => {
    if (!onSubmit) return;
    setBusy(true);
    setServerErrors(undefined);
    setTopErrors([]);
    try {
      await onSubmit(formData);
    } catch (err) {
      const issues = fieldIssuesOf(err);
      if (issues) {
        setServerErrors(toErrorSchema(issues.filter((i) => i.path && i.path !== '/')));
        setTopErrors(issues.filter((i) => !i.path || i.path === '/').map((i) => i.message));
      }
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={testId ?? 'schema-form'}>
      {topErrors.length ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={topErrors.join('；')} />
      ) : null}
      <Form
        schema={lifted.schema}
        uiSchema={ui}
        customValidate={customValidate}
        formData={data}
        validator={validator}
        widgets={formWidgets}
        fields={formFields}
        formContext={formContext}
        transformErrors={transformErrors}
        translateString={lang === 'zh' ? zhStringTranslator : undefined}
        extraErrors={serverErrors}
        showErrorList={false}
        noHtml5Validate
        // A choice the user has not made must stay empty: never pre-select the first oneOf const.
        experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
        focusOnFirstError
        readonly={readonly}
        onChange={(e) => {
          setData(e.formData);
          if (serverErrors) setServerErrors(undefined);
          onChange?.(e.formData);
        }}
        onSubmit={(e) => submit(e.formData)}
      >
        {readonly || !onSubmit ? (
          <span />
        ) : (
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="form-submit">
              {submitText ?? t('submit')}
            </Button>
            {actions}
          </Space>
        )}
      </Form>
    </div>
  );
}
