/** @module ui/components/variables-view: process variables as a read-only list, labelled from a form schema when one is known. */
import { Descriptions, Empty } from 'antd';
import { type JsonSchema, labelFor } from '../forms';

function show(value: unknown, schema?: JsonSchema): string {
  if (value === null || value === undefined || value === '') return '—';
  const label = labelFor(schema, undefined, value);
  if (label !== undefined) return label;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

export function VariablesView({ variables, schema }: { variables: Record<string, unknown>; schema?: JsonSchema }) {
  const keys = Object.keys(variables ?? {});
  if (!keys.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="variables-view"
      items={keys.map((k) => ({
        key: k,
        label: (schema?.properties?.[k]?.title as string) ?? k,
        children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{show(variables[k], schema?.properties?.[k])}</span>,
      }))}
    />
  );
}
