/**
 * @module ui/components/variables-view: process variables or entry fields as a read-only list through the process's
 * own form: labels, option labels, nested groups as nested lists (never JSON), ids as what they name. Variables the
 * form does not declare are the engine's and the workers' (initiator, decision, rectifyDueAt …): shown only when
 * asked for (to administrators), never to unit users (#17 item 2).
 */
import { Descriptions, Empty, Table } from 'antd';
import { type JsonSchema, labelFor, orderedKeys, refKindOf } from '../forms';
import { useT } from '../i18n';
import { AttachmentRef, EntryRef, UnitRef } from './ref-label';

/** Booleans read 是/否 (Yes/No); set by the view for the current language. */
let yesNo: [string, string] = ['是', '否'];

function show(value: unknown, schema?: JsonSchema): string {
  if (value === null || value === undefined || value === '') return '—';
  const label = labelFor(schema, undefined, value);
  if (label !== undefined) return label;
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

/** Rows of objects (数据项) as a small table with the item schema's titles and option labels. */
function RowsTable({ rows, schema }: { rows: Record<string, unknown>[]; schema?: JsonSchema }) {
  const props = ((schema?.items as JsonSchema | undefined)?.properties ?? {}) as Record<string, JsonSchema>;
  const keys = [...new Set([...Object.keys(props), ...rows.flatMap((r) => Object.keys(r ?? {}))])];
  return (
    <Table
      size="small"
      pagination={false}
      bordered
      rowKey={(_, i) => String(i)}
      dataSource={rows}
      columns={keys.map((k) => ({
        title: props[k]?.title ?? k,
        key: k,
        render: (_: unknown, row: Record<string, unknown>) => (
          <Value name={k} value={row?.[k]} schema={props[k]} />
        ),
      }))}
    />
  );
}

function Value({ name, value, schema }: { name?: string; value: unknown; schema?: JsonSchema }) {
  // A stored id reads as what it names: the entry's code and name, the unit's name (never a bare UUID).
  const ref = typeof value === 'string' && value ? refKindOf(name, schema) : undefined;
  if (ref === 'entry') return <EntryRef id={value as string} />;
  if (ref === 'unit') return <UnitRef id={value as string} />;
  if (ref === 'attachment') return <AttachmentRef id={value as string} />;
  const items = schema?.items as JsonSchema | undefined;
  if (
    Array.isArray(value) &&
    items &&
    !Array.isArray(items) &&
    refKindOf(undefined, items) === 'attachment'
  ) {
    // Files are stored as ids, or as {id, name} objects by older forms.
    const ids = value
      .map((v) => (typeof v === 'string' ? v : (v as { id?: string })?.id))
      .filter((v): v is string => !!v);
    if (!ids.length) return <span>—</span>;
    return (
      <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 4 }} data-testid="attachment-list">
        {ids.map((id) => (
          <AttachmentRef key={id} id={id} />
        ))}
      </span>
    );
  }
  if (
    Array.isArray(value) &&
    value.length &&
    value.every((v) => v && typeof v === 'object' && !Array.isArray(v))
  ) {
    return <RowsTable rows={value as Record<string, unknown>[]} schema={schema} />;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && schema?.properties) {
    // A group of fields (变更后的内容): its own labelled list, in the form's order, only what was filled in.
    const props = schema.properties as Record<string, JsonSchema>;
    const obj = value as Record<string, unknown>;
    const keys = [
      ...orderedKeys(schema, undefined).filter((k) => k in obj),
      ...Object.keys(obj).filter((k) => !(k in props)),
    ];
    return (
      <Descriptions
        size="small"
        column={1}
        bordered
        data-testid="variables-group"
        items={keys.map((k) => ({
          key: k,
          label: (props[k]?.title as string) ?? k,
          children: <Value name={k} value={obj[k]} schema={props[k]} />,
        }))}
      />
    );
  }
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{show(value, schema)}</span>;
}

export interface VariablesViewProps {
  variables: Record<string, unknown>;
  schema?: JsonSchema;
  /** Its uiSchema, for `ui:order`. */
  uiSchema?: JsonSchema;
  /** Only the schema's own fields, in its order (the submitted form rather than every process variable). */
  onlySchemaFields?: boolean;
  /** Also the variables the form does not declare (the engine's and the workers'): for administrators only. */
  showInternal?: boolean;
  /** The variable's key in small grey type beside its title: for administrators, who meet keys in FEEL. */
  keyHint?: boolean;
  testId?: string;
}

export function VariablesView({
  variables,
  schema,
  uiSchema,
  onlySchemaFields = false,
  showInternal = false,
  keyHint = false,
  testId,
}: VariablesViewProps) {
  const t = useT();
  yesNo = [t('yes'), t('no')];
  const schemaKeys = orderedKeys(schema, uiSchema);
  // Without a form there is nothing to read the variables through: only an administrator sees them raw.
  const keys =
    onlySchemaFields || !showInternal
      ? schemaKeys.filter((k) => k in (variables ?? {}))
      : [
          ...schemaKeys.filter((k) => k in (variables ?? {})),
          ...Object.keys(variables ?? {}).filter((k) => !schemaKeys.includes(k)),
        ];
  if (!keys.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const label = (k: string) => {
    const title = schema?.properties?.[k]?.title as string | undefined;
    if (!title || !keyHint) return title ?? k;
    return (
      <span data-testid="variable-label" data-key={k}>
        {title}
        <code style={{ display: 'block', color: '#999', fontSize: 11, fontWeight: 'normal' }}>{k}</code>
      </span>
    );
  };
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid={testId ?? 'variables-view'}
      styles={{ label: { width: 160 } }}
      items={keys.map((k) => ({
        key: k,
        label: label(k),
        children: <Value name={k} value={variables[k]} schema={schema?.properties?.[k]} />,
      }))}
    />
  );
}
