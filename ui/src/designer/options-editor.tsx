/**
 * @module ui/designer/options-editor: a select's labelled choices (value stored, label shown), add/remove/reorder.
 * The administrator types labels; a new choice's stored value is spelt from its label (pinyin) until they type one.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { moveField, relabelOption } from './edit-fields';
import type { DesignerT } from './messages';
import type { FieldOption } from './model';
import { type ToSyllables, valueFromLabel } from './title-key';

export function OptionsEditor(props: {
  value: FieldOption[];
  t: DesignerT;
  onChange: (next: FieldOption[]) => void;
  toSyllables?: ToSyllables;
  /** Values of the saved version: they never follow a label. */
  published?: Set<string>;
}) {
  const { value, t, onChange, toSyllables, published } = props;
  const valueFor = toSyllables
    ? (label: string, others: string[]) => valueFromLabel(label, others, toSyllables)
    : undefined;
  const set = (i: number, patch: Partial<FieldOption>) =>
    onChange(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const counts = new Map<string, number>();
  for (const o of value) counts.set(o.value, (counts.get(o.value) ?? 0) + 1);
  const free = () => {
    for (let i = value.length + 1; ; i++) if (!counts.has(`option${i}`)) return `option${i}`;
  };
  return (
    <div data-testid="prop-options">
      {value.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; values may be empty or repeat while typing
        <div key={i} style={{ marginBottom: 4 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('prop.optionLabel')}
              value={o.label}
              onChange={(e) => onChange(relabelOption(value, i, e.target.value, valueFor, published))}
              aria-label={`${t('prop.optionLabel')} ${i + 1}`}
              data-testid={`prop-option-label-${i}`}
            />
            <Input
              placeholder={t('prop.optionValue')}
              value={o.value}
              status={(counts.get(o.value) ?? 0) > 1 || o.value === '' ? 'error' : undefined}
              onChange={(e) => set(i, { value: e.target.value, autoValue: undefined })}
              aria-label={`${t('prop.optionValue')} ${i + 1}`}
              data-testid={`prop-option-value-${i}`}
            />
            <Button
              icon={<ArrowUpOutlined />}
              disabled={i === 0}
              aria-label={t('moveUp')}
              onClick={() => onChange(moveField(value, i, i - 1))}
            />
            <Button
              icon={<ArrowDownOutlined />}
              disabled={i === value.length - 1}
              aria-label={t('moveDown')}
              onClick={() => onChange(moveField(value, i, i + 1))}
            />
            <Button
              icon={<DeleteOutlined />}
              danger
              aria-label={t('remove')}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              data-testid={`prop-option-remove-${i}`}
            />
          </Space.Compact>
          {(counts.get(o.value) ?? 0) > 1 ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('err.optionDuplicate')}
            </Typography.Text>
          ) : null}
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, { value: free(), label: '', autoValue: true }])}
        data-testid="prop-option-add"
      >
        {t('prop.addOption')}
      </Button>
    </div>
  );
}
