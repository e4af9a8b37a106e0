/** @module ui/forms/field-diff: a read-only, field-by-field comparison of two versions (the reviewer's view of a catalog change). */
import { Table, Tag, Typography } from 'antd';
import { useT } from '../i18n';
import { type JsonSchema, labelFor, orderedKeys } from './schema-paths';

export interface FieldDiffProps {
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown> | undefined;
  schema?: JsonSchema;
  uiSchema?: JsonSchema;
  /** Show unchanged fields too (greyed), not only the changed ones. */
  showUnchanged?: boolean;
  beforeLabel?: string;
  afterLabel?: string;
}

/** Arrays of objects (数据项) compare row by row: one line per row. */
function rowLines(value: unknown, schema: JsonSchema | undefined, ui: JsonSchema | undefined): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => v && typeof v === 'object')) return undefined;
  const props = (schema?.items as JsonSchema | undefined)?.properties ?? {};
  return value.map((row, i) => {
    const cells = Object.entries(row as Record<string, unknown>).map(
      ([k, v]) => `${props[k]?.title ?? k}：${display(v, props[k], ui?.items?.[k])}`,
    );
    return `${i + 1}. ${cells.join('，')}`;
  });
}

function display(value: unknown, schema: JsonSchema | undefined, ui: JsonSchema | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  const label = labelFor(schema, ui, value);
  if (label !== undefined) return label;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const lines = rowLines(value, schema, ui);
  if (lines) return lines.join('\n');
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface DiffRow {
  key: string;
  title: string;
  before: string;
  after: string;
  changed: boolean;
  /** For row lists: the lines of each side, to mark only the rows that differ. */
  beforeLines?: string[];
  afterLines?: string[];
}

export function FieldDiff(props: FieldDiffProps) {
  const { before = {}, after = {}, schema, uiSchema, showUnchanged = false } = props;
  const t = useT();
  const { beforeLabel = t('diff.before'), afterLabel = t('diff.after') } = props;
  const order = orderedKeys(schema, uiSchema);
  for (const k of [...Object.keys(before), ...Object.keys(after)]) if (!order.includes(k)) order.push(k);
  const rows: DiffRow[] = order
    .filter((k) => k in before || k in after)
    .map((k) => {
      const s = schema?.properties?.[k] as JsonSchema | undefined;
      const ui = uiSchema?.[k] as JsonSchema | undefined;
      return {
        key: k,
        title: (ui?.['ui:title'] as string) ?? s?.title ?? k,
        before: display(before[k], s, ui),
        after: display(after[k], s, ui),
        changed: !same(before[k], after[k]),
        beforeLines: rowLines(before[k], s, ui),
        afterLines: rowLines(after[k], s, ui),
      };
    })
    .filter((r) => showUnchanged || r.changed);
  const lines = (mine: string[], other: string[] | undefined, kind: 'before' | 'after') => (
    <div>
      {mine.map((line, i) => {
        const differs = line !== other?.[i];
        return (
          <div key={line}>
            <Typography.Text
              delete={differs && kind === 'before'}
              type={differs ? (kind === 'after' ? 'success' : 'danger') : 'secondary'}
            >
              {line}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
  const cell = (text: string, changed: boolean, kind: 'before' | 'after') => (
    <Typography.Text
      style={{ whiteSpace: 'pre-wrap' }}
      delete={changed && kind === 'before'}
      type={changed ? (kind === 'after' ? 'success' : 'danger') : 'secondary'}
    >
      {text}
    </Typography.Text>
  );
  return (
    <Table<DiffRow>
      size="small"
      bordered
      pagination={false}
      data-testid="field-diff"
      dataSource={rows}
      locale={{ emptyText: t('diff.none') }}
      rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
      columns={[
        {
          title: t('diff.field'),
          dataIndex: 'title',
          width: 160,
          render: (title: string, r) => (
            <span data-testid={`diff-${r.key}`}>
              {title} {r.changed ? <Tag color="orange">{t('diff.changed')}</Tag> : null}
            </span>
          ),
        },
        {
          title: beforeLabel,
          dataIndex: 'before',
          render: (text: string, r) =>
            r.changed && r.beforeLines && r.afterLines ? lines(r.beforeLines, r.afterLines, 'before') : cell(text, r.changed, 'before'),
        },
        {
          title: afterLabel,
          dataIndex: 'after',
          render: (text: string, r) =>
            r.changed && r.beforeLines && r.afterLines ? lines(r.afterLines, r.beforeLines, 'after') : cell(text, r.changed, 'after'),
        },
      ]}
    />
  );
}
