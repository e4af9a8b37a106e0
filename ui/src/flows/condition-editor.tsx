/**
 * @module ui/flows/condition-editor: a branch condition built from the start form's fields — field, operator,
 * value (a select field offers its options) — in AND rows grouped by OR. FEEL the builder cannot show stays as it
 * was written and is shown read-only.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { conditionToFeel } from './model/conditions';
import type { Condition, Rule, RuleOp } from './model/types';
import type { FlowWords } from './messages';
import type { FieldOption } from './use-flow-data';

const OPS: RuleOp[] = ['=', '!=', '>', '>=', '<', '<='];

export function ConditionEditor({
  value,
  fields,
  onChange,
  w,
}: {
  value: Condition;
  fields: FieldOption[];
  onChange: (c: Condition) => void;
  w: FlowWords;
}) {
  if ('raw' in value) {
    return (
      <>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {w.rawCondition}
        </Typography.Text>
        <Typography.Text code>{conditionToFeel(value)}</Typography.Text>
      </>
    );
  }
  const groups = value.groups.length ? value.groups : [[]];
  const set = (gs: Rule[][]) => onChange({ groups: gs });
  const setRule = (gi: number, ri: number, patch: Partial<Rule>) =>
    set(groups.map((g, i) => (i === gi ? g.map((r, j) => (j === ri ? { ...r, ...patch } : r)) : g)));
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text strong>{w.rules}</Typography.Text>
      {groups.map((g, gi) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups have no identity of their own
        <div key={gi} style={{ border: '1px dashed #d9d9d9', borderRadius: 6, padding: 8, marginTop: 6 }}>
          {gi > 0 ? <Typography.Text type="secondary">{w.or}</Typography.Text> : null}
          {g.map((r, ri) => {
            const f = fields.find((x) => x.key === r.field);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own
              <Space key={ri} wrap style={{ marginTop: 4 }}>
                {ri > 0 ? <Typography.Text type="secondary">{w.and}</Typography.Text> : null}
                <Select
                  aria-label={w.field}
                  data-testid="rule-field"
                  popupMatchSelectWidth={false}
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 130 }}
                  value={r.field || undefined}
                  options={fields.map((x) => ({ value: x.key, label: x.title }))}
                  onChange={(field) => setRule(gi, ri, { field, value: '' })}
                />
                <Select
                  aria-label={w.rules}
                  style={{ width: 96 }}
                  value={r.op}
                  options={OPS.map((o) => ({ value: o, label: w.ops[o] }))}
                  onChange={(op) => setRule(gi, ri, { op })}
                />
                {f?.options ? (
                  <Select
                    aria-label={w.value}
                    data-testid="rule-value"
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 130 }}
                    value={r.value === '' ? undefined : (r.value as string)}
                    options={f.options.map((o) => ({ value: o.value as string, label: o.label }))}
                    onChange={(v) => setRule(gi, ri, { value: v })}
                  />
                ) : f?.type === 'number' || f?.type === 'integer' ? (
                  <InputNumber
                    aria-label={w.value}
                    value={typeof r.value === 'number' ? r.value : undefined}
                    onChange={(v) => setRule(gi, ri, { value: v ?? '' })}
                  />
                ) : (
                  <Input
                    aria-label={w.value}
                    style={{ width: 130 }}
                    value={String(r.value)}
                    onChange={(e) => setRule(gi, ri, { value: e.target.value })}
                  />
                )}
                <Button
                  size="small"
                  type="text"
                  aria-label={w.remove}
                  icon={<DeleteOutlined />}
                  onClick={() =>
                    set(
                      groups
                        .map((x, i) => (i === gi ? x.filter((_, j) => j !== ri) : x))
                        .filter((x, i) => x.length || i === 0),
                    )
                  }
                />
              </Space>
            );
          })}
          <div>
            <Button
              size="small"
              type="link"
              onClick={() =>
                set(groups.map((x, i) => (i === gi ? [...x, { field: '', op: '=', value: '' }] : x)))
              }
            >
              {w.addRule}
            </Button>
          </div>
        </div>
      ))}
      <Button size="small" type="link" onClick={() => set([...groups, [{ field: '', op: '=', value: '' }]])}>
        {w.addGroup}
      </Button>
    </div>
  );
}
