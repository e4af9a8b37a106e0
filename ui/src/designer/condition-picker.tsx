/** @module ui/designer/condition-picker: "when field Y equals value": Y among the sibling fields, the value among Y's choices. */
import { CloseOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space } from 'antd';
import type { DesignerT } from './messages';
import {
  type Condition,
  type ConditionValue,
  canBeConditionSource,
  conditionValues,
  type DesignerField,
} from './model';

export interface ConditionPickerProps {
  /** `visible-when` or `required-when`: the test id prefix. */
  id: string;
  value?: Condition;
  /** The field being edited's siblings (itself excluded). */
  siblings: DesignerField[];
  t: DesignerT;
  onChange: (next: Condition | undefined) => void;
}

const encode = (v: ConditionValue) => JSON.stringify(v);

export function ConditionPicker(props: ConditionPickerProps) {
  const { id, value, siblings, t, onChange } = props;
  const sources = siblings.filter(canBeConditionSource);
  const source = sources.find((f) => f.name === value?.field);
  const choices = conditionValues(source).map((c) => ({
    ...c,
    label: c.label === '是' ? t('yes') : c.label === '否' ? t('no') : c.label,
  }));
  const pickField = (name: string | undefined) => {
    const f = sources.find((s) => s.name === name);
    if (!f) return onChange(undefined);
    const first = conditionValues(f)[0]?.value;
    onChange({ field: f.name, equals: first ?? (f.kind === 'number' || f.kind === 'integer' ? 0 : '') });
  };
  let valueInput = null;
  if (value && source) {
    if (choices.length) {
      valueInput = (
        // A list ("any of these", `enum`) shows as a multiple choice; one value as a plain select.
        <Select
          style={{ minWidth: 120 }}
          mode={Array.isArray(value.equals) ? 'multiple' : undefined}
          value={Array.isArray(value.equals) ? value.equals.map(encode) : encode(value.equals)}
          options={choices.map((c) => ({ value: encode(c.value), label: c.label }))}
          onChange={(v: string | string[]) =>
            onChange({
              ...value,
              equals: Array.isArray(v)
                ? v.map((x) => JSON.parse(x) as ConditionValue)
                : (JSON.parse(v) as ConditionValue),
            })
          }
          aria-label={t('prop.equals')}
          data-testid={`prop-${id}-value`}
        />
      );
    } else if (source.kind === 'number' || source.kind === 'integer') {
      valueInput = (
        <InputNumber
          value={typeof value.equals === 'number' ? value.equals : undefined}
          onChange={(v) => onChange({ ...value, equals: typeof v === 'number' ? v : 0 })}
          aria-label={t('prop.equals')}
          data-testid={`prop-${id}-value`}
        />
      );
    } else {
      valueInput = (
        <Input
          style={{ width: 140 }}
          value={String(value.equals)}
          onChange={(e) => onChange({ ...value, equals: e.target.value })}
          aria-label={t('prop.equals')}
          data-testid={`prop-${id}-value`}
        />
      );
    }
  }
  return (
    <Space wrap size={4}>
      <Select
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t('prop.none')}
        value={value?.field}
        options={sources.map((f) => ({ value: f.name, label: `${f.title || f.name}（${f.name}）` }))}
        onChange={(v: string | undefined) => pickField(v)}
        aria-label={t('prop.whenField')}
        data-testid={`prop-${id}-field`}
      />
      {valueInput ? (
        <>
          <span>{t('prop.equals')}</span>
          {valueInput}
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('prop.none')}
            onClick={() => onChange(undefined)}
          />
        </>
      ) : null}
    </Space>
  );
}
