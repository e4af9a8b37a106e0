/**
 * @module ui/forms/fields/const-or-value-field: a string that is one of a few fixed choices OR a typed value, like
 * 共享期限 = 长期 or an end date (`anyOf: [{const: 'long-term', title: '长期'}, {format: 'date', title: '截止日期'}]`).
 * rjsf's default anyOf rendering (a branch selector plus a second input) reads badly; this is one radio row.
 */
import type { FieldProps } from '@rjsf/utils';
import { Input, Radio, Space } from 'antd';
import { useState } from 'react';
import type { JsonSchema } from '../schema-paths';

const OTHER = '__huiliu_other__';

/** True for a string schema whose anyOf/oneOf has const branches and exactly one free branch. */
export function isConstOrValue(schema: JsonSchema): boolean {
  const branches = (schema.anyOf ?? schema.oneOf ?? schema['x-choices']) as JsonSchema[] | undefined;
  if (!Array.isArray(branches) || branches.length < 2) return false;
  const free = branches.filter((b) => !('const' in b));
  return free.length === 1 && branches.length - free.length >= 1;
}

export function ConstOrValueField(props: FieldProps<string>) {
  // Errors are shown by rjsf's FieldTemplate around this field.
  const { schema, uiSchema, formData, onChange, fieldPathId, disabled, readonly, required, name } = props;
  // Branches come lifted out of anyOf (see choice-schema.ts); a raw anyOf works too.
  const branches = ((schema['x-choices'] ?? schema.anyOf ?? schema.oneOf) as JsonSchema[]) ?? [];
  const consts = branches.filter((b) => 'const' in b);
  const free = branches.find((b) => !('const' in b)) ?? {};
  const isConst = consts.some((b) => b.const === formData);
  // "Other" is chosen whenever the value is a string that is not one of the consts (an empty string included),
  // so the choice survives rjsf re-rendering the field.
  const [otherChosen, setOtherChosen] = useState(false);
  const choice = isConst ? formData : otherChosen || typeof formData === 'string' ? OTHER : undefined;
  const title = (uiSchema?.['ui:title'] as string) ?? schema.title ?? name;
  const locked = Boolean(disabled || readonly);
  const emit = (v: string | undefined) => onChange(v, fieldPathId.path);

  return (
    <div style={{ marginBottom: 16 }} id={fieldPathId.$id}>
      <div style={{ marginBottom: 8 }}>
        {required ? <span style={{ color: '#ff4d4f' }}>* </span> : null}
        {title}
      </div>
      <Space wrap>
        <Radio.Group
          disabled={locked}
          value={choice}
          aria-label={title}
          data-testid={`choice-${name}`}
          onChange={(e) => {
            if (e.target.value === OTHER) {
              setOtherChosen(true);
              emit('');
            } else {
              setOtherChosen(false);
              emit(e.target.value);
            }
          }}
          options={[
            ...consts.map((b) => ({ value: b.const, label: b.title ?? String(b.const) })),
            { value: OTHER, label: free.title ?? '其他' },
          ]}
        />
        {choice === OTHER ? (
          <Input
            type={free.format === 'date' ? 'date' : 'text'}
            aria-label={`${title}：${free.title ?? ''}`}
            disabled={locked}
            value={isConst ? '' : (formData ?? '')}
            placeholder={(uiSchema?.['ui:placeholder'] as string) ?? ''}
            onChange={(e) => emit(e.target.value)}
            style={{ width: 180 }}
            data-testid={`choice-${name}-value`}
          />
        ) : null}
      </Space>
      {schema.description ? <div style={{ color: '#888' }}>{schema.description}</div> : null}
    </div>
  );
}
