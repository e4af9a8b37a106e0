/** @module ui/forms/fields/table-field: `ui:field: 'table'`: an editable table for arrays of objects (the catalog entry's 数据项). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldProps } from '@rjsf/utils';
import { Button, Checkbox, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useFormT } from '../form-messages';
import { type JsonSchema, optionsOf } from '../schema-paths';

type Row = Record<string, unknown>;

function CellEditor(props: {
  schema: JsonSchema;
  ui?: JsonSchema;
  value: unknown;
  label: string;
  disabled: boolean;
  onChange: (v: unknown) => void;
  testId: string;
}) {
  const { schema, ui, value, label, disabled, onChange, testId } = props;
  const options = optionsOf(schema, ui);
  const common = { 'aria-label': label, disabled, 'data-testid': testId };
  if (options) {
    return (
      <Select
        {...common}
        value={value ?? undefined}
        options={options}
        onChange={(v) => onChange(v)}
        style={{ width: '100%', minWidth: 100 }}
        allowClear={false}
      />
    );
  }
  if (schema.type === 'boolean') {
    return <Checkbox {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return (
      <InputNumber
        {...common}
        value={typeof value === 'number' ? value : null}
        precision={schema.type === 'integer' ? 0 : undefined}
        min={schema.minimum}
        max={schema.maximum}
        onChange={(v) => onChange(v ?? undefined)}
        style={{ width: '100%', minWidth: 80 }}
      />
    );
  }
  return (
    <Input
      {...common}
      style={{ minWidth: 120 }}
      value={typeof value === 'string' ? value : value == null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}

export function TableField(props: FieldProps<Row[]>) {
  const { schema, uiSchema, formData, onChange, fieldPathId, errorSchema, disabled, readonly, name } = props;
  const ft = useFormT();
  const rows = Array.isArray(formData) ? formData : [];
  const items = (schema.items ?? {}) as JsonSchema;
  const itemUi = (uiSchema?.items ?? {}) as JsonSchema;
  const order = (itemUi['ui:order'] as string[] | undefined)?.filter((k) => k !== '*');
  const columnsKeys = order ?? Object.keys(items.properties ?? {});
  const required = new Set<string>(items.required ?? []);
  const locked = Boolean(disabled || readonly);
  const title = (uiSchema?.['ui:title'] as string) ?? schema.title ?? name;
  const errs = (errorSchema ?? {}) as Record<string, any>;

  const emit = (next: Row[]) => onChange(next, fieldPathId.path);
  const setCell = (i: number, key: string, v: unknown) => {
    const next = rows.map((r, j) => (j === i ? { ...r, [key]: v } : r));
    if (v === undefined) delete next[i][key];
    emit(next);
  };
  const newRow = (): Row => {
    const row: Row = {};
    for (const [k, s] of Object.entries(items.properties ?? {}) as [string, JsonSchema][]) {
      if (s.default !== undefined) row[k] = s.default;
      else if (s.type === 'boolean') row[k] = false;
    }
    return row;
  };

  const columns = [
    { title: '#', key: '#', width: 48, render: (_: unknown, __: Row, i: number) => i + 1 },
    ...columnsKeys.map((key) => {
      const s = (items.properties?.[key] ?? {}) as JsonSchema;
      const colTitle = (itemUi[key]?.['ui:title'] as string) ?? s.title ?? key;
      return {
        title: (
          <span style={{ whiteSpace: 'nowrap' }}>
            {required.has(key) ? <span style={{ color: '#ff4d4f' }}>* </span> : null}
            {colTitle}
          </span>
        ),
        key,
        render: (_: unknown, row: Row, i: number) => (
          <div>
            <CellEditor
              schema={s}
              ui={itemUi[key]}
              value={row[key]}
              label={ft('table.cell', { title, row: i + 1, column: colTitle })}
              disabled={locked}
              onChange={(v) => setCell(i, key, v)}
              testId={`table-${name}-${i}-${key}`}
            />
            {(errs[i]?.[key]?.__errors ?? []).map((m: string) => (
              <Typography.Text type="danger" key={m} style={{ display: 'block', fontSize: 12 }}>
                {m}
              </Typography.Text>
            ))}
          </div>
        ),
      };
    }),
    ...(locked
      ? []
      : [
          {
            title: '',
            key: '_remove',
            width: 48,
            render: (_: unknown, __: Row, i: number) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={ft('table.remove', { row: i + 1 })}
                data-testid={`table-${name}-remove-${i}`}
                onClick={() => emit(rows.filter((_, j) => j !== i))}
              />
            ),
          },
        ]),
  ];

  return (
    // The table's own errors (minItems...) are shown by rjsf's FieldTemplate; cell errors are shown here.
    <div style={{ marginBottom: 16 }} id={fieldPathId.$id}>
      <Typography.Text strong>
        {props.required ? <span style={{ color: '#ff4d4f' }}>* </span> : null}
        {title}
      </Typography.Text>
      {schema.description ? <div style={{ color: '#888' }}>{schema.description}</div> : null}
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        rowKey={(_, i) => String(i)}
        columns={columns}
        dataSource={rows}
        style={{ marginTop: 8 }}
        scroll={{ x: true }}
      />
      {locked ? null : (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => emit([...rows, newRow()])}
          style={{ marginTop: 8 }}
          data-testid={`table-${name}-add`}
        >
          {ft('table.add')}
        </Button>
      )}
    </div>
  );
}
