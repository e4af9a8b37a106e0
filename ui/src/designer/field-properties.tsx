/** @module ui/designer/field-properties: the right pane: the selected field's properties, or the form's own title. */
import { Alert, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ConditionPicker } from './condition-picker';
import { type DesignerLang, type DesignerT, kindLabel } from './messages';
import { changeKind, compatibleKinds, type DesignerField, nameProblem } from './model';
import { OptionsEditor } from './options-editor';
import type { ToSyllables } from './title-key';

export interface FieldPropertiesProps {
  field: DesignerField;
  /** The other fields of the same object (for names and conditions). */
  siblings: DesignerField[];
  /** A table column: no conditions (a row's cells are edited inline by the table field). */
  inTable: boolean;
  /** The key is in the last saved version: it no longer follows the title (existing data refers to it). */
  namePublished?: boolean;
  /** Choice values of the last saved version (they never follow a label) and pinyin once loaded. */
  publishedValues?: Set<string>;
  toSyllables?: ToSyllables;
  lang: DesignerLang;
  t: DesignerT;
  onPatch: (patch: Partial<DesignerField>) => void;
  onRename: (to: string) => void;
  /** Replaces the field (a change of kind rewrites more than a patch can express). */
  onReplace: (next: DesignerField) => void;
}

const validRegex = (p: string) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
};
const num = (v: number | string | null) => (typeof v === 'number' ? v : undefined);

/**
 * The key is committed only when valid and unique; until then the draft and its problem are shown. Below it, whether
 * it still follows the title (generated, 拼音) or is fixed (published, or typed by the administrator).
 */
function NameInput(props: {
  field: DesignerField;
  siblings: DesignerField[];
  published?: boolean;
  t: DesignerT;
  onRename: (to: string) => void;
}) {
  const { field, siblings, published, t, onRename } = props;
  const [draft, setDraft] = useState(field.name);
  useEffect(() => setDraft(field.name), [field.name]);
  const problem = draft === field.name ? null : nameProblem(draft, siblings);
  const note = published ? 'prop.name.published' : field.autoName ? 'prop.name.auto' : undefined;
  return (
    <Form.Item
      label={t('prop.name')}
      validateStatus={problem ? 'error' : undefined}
      help={
        problem ? (
          <span data-testid="prop-name-error">{t(`err.name.${problem}`)}</span>
        ) : note ? (
          <span data-testid="prop-name-note">{t(note)}</span>
        ) : undefined
      }
    >
      <Input
        value={draft}
        onChange={(e) => {
          const next = e.target.value.trim();
          setDraft(next);
          if (next !== field.name && !nameProblem(next, siblings)) onRename(next);
        }}
        data-testid="prop-name"
      />
    </Form.Item>
  );
}

export function FieldProperties(props: FieldPropertiesProps) {
  const { field: f, siblings, inTable, namePublished, publishedValues, toSyllables } = props;
  const { lang, t, onPatch, onRename, onReplace } = props;
  const kinds = compatibleKinds(f.kind);
  const isText = f.kind === 'text' || f.kind === 'textarea';
  const isNumber = f.kind === 'number' || f.kind === 'integer';
  const patternBad = !!f.pattern && !validRegex(f.pattern);
  return (
    <Form layout="vertical" size="small" data-testid="designer-properties">
      {kinds.length > 1 ? (
        <Form.Item label={t('prop.kind')}>
          <Select
            value={f.kind}
            options={kinds.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
            onChange={(k) => onReplace(changeKind(f, k))}
            data-testid="prop-kind"
          />
        </Form.Item>
      ) : (
        <Typography.Text type="secondary">
          {t('prop.kind')}：{kindLabel(f.kind, lang)}
        </Typography.Text>
      )}
      {f.kind === 'custom' ? (
        <Alert
          type="info"
          style={{ margin: '8px 0' }}
          data-testid="prop-custom-note"
          title={t('custom.note')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {(f.unsupported ?? []).map((u) => (
                <li key={u.path + u.message}>
                  <code>{u.path}</code> {lang === 'en' ? u.messageEn : u.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form.Item label={t('prop.title')}>
        <Input
          value={f.title}
          onChange={(e) => onPatch({ title: e.target.value })}
          data-testid="prop-title"
        />
      </Form.Item>
      {/* not keyed by the name: a key that follows the title changes while the title is typed, and focus must stay */}
      <NameInput field={f} siblings={siblings} published={namePublished} t={t} onRename={onRename} />
      <Form.Item label={t('prop.description')}>
        <Input.TextArea
          rows={2}
          value={f.description ?? ''}
          onChange={(e) => onPatch({ description: e.target.value || undefined })}
          data-testid="prop-description"
        />
      </Form.Item>
      {f.kind !== 'section' ? (
        <Form.Item label={t('prop.required')}>
          <Switch
            checked={!!f.required}
            onChange={(v) => onPatch({ required: v || undefined })}
            data-testid="prop-required"
          />
        </Form.Item>
      ) : null}
      {f.kind === 'text' && !inTable ? (
        <Form.Item label={t('prop.unique')} extra={t('prop.unique.help')}>
          <Switch
            checked={!!f.unique}
            onChange={(v) => onPatch({ unique: v || undefined })}
            data-testid="prop-unique"
          />
        </Form.Item>
      ) : null}
      {f.kind === 'date' ? (
        <Form.Item label={t('prop.notBeforeToday')}>
          <Switch
            checked={!!f.notBeforeToday}
            onChange={(v) => onPatch({ notBeforeToday: v || undefined })}
            data-testid="prop-not-before-today"
          />
        </Form.Item>
      ) : null}
      {f.kind === 'select' ? (
        <Form.Item label={t('prop.options')}>
          <OptionsEditor
            value={f.options ?? []}
            t={t}
            toSyllables={toSyllables}
            published={publishedValues}
            onChange={(options) => onPatch({ options })}
          />
        </Form.Item>
      ) : null}
      {isNumber ? (
        <Form.Item label={`${t('prop.min')} / ${t('prop.max')}`}>
          <InputNumber
            value={f.min}
            onChange={(v) => onPatch({ min: num(v) })}
            aria-label={t('prop.min')}
            data-testid="prop-min"
          />
          {' – '}
          <InputNumber
            value={f.max}
            onChange={(v) => onPatch({ max: num(v) })}
            aria-label={t('prop.max')}
            data-testid="prop-max"
          />
        </Form.Item>
      ) : null}
      {isText ? (
        <>
          <Form.Item label={`${t('prop.minLength')} / ${t('prop.maxLength')}`}>
            <InputNumber
              min={0}
              precision={0}
              value={f.minLength}
              onChange={(v) => onPatch({ minLength: num(v) })}
              aria-label={t('prop.minLength')}
              data-testid="prop-min-length"
            />
            {' – '}
            <InputNumber
              min={0}
              precision={0}
              value={f.maxLength}
              onChange={(v) => onPatch({ maxLength: num(v) })}
              aria-label={t('prop.maxLength')}
              data-testid="prop-max-length"
            />
          </Form.Item>
          <Form.Item
            label={t('prop.pattern')}
            validateStatus={patternBad ? 'error' : undefined}
            help={patternBad ? t('err.pattern') : undefined}
          >
            <Input
              value={f.pattern ?? ''}
              onChange={(e) => onPatch({ pattern: e.target.value || undefined })}
              style={{ fontFamily: 'monospace' }}
              data-testid="prop-pattern"
            />
          </Form.Item>
        </>
      ) : null}
      {inTable ? null : (
        <>
          <Form.Item label={t('prop.visibleWhen')}>
            <ConditionPicker
              id="visible-when"
              value={f.visibleWhen}
              siblings={siblings}
              t={t}
              onChange={(visibleWhen) => onPatch({ visibleWhen })}
            />
          </Form.Item>
          <Form.Item label={t('prop.requiredWhen')}>
            <ConditionPicker
              id="required-when"
              value={f.requiredWhen}
              siblings={siblings}
              t={t}
              onChange={(requiredWhen) => onPatch({ requiredWhen })}
            />
          </Form.Item>
        </>
      )}
    </Form>
  );
}
