/** @module ui/pages/modeler/diff-summary: the diff as a list above the canvas; removed elements can only be shown here. */
import type Modeler from 'bpmn-js/lib/Modeler';
import { Alert, Space, Tag, Typography } from 'antd';
import { type DiagramDiff, type DiffEntry, isEmptyDiff } from './diff';
import type { extrasText } from './extras-messages';
import { revealElement } from './problems';

const COLORS = { added: 'success', removed: 'error', changed: 'warning', moved: 'processing' } as const;

export function DiffSummary(props: {
  modeler: Modeler | undefined;
  diff: DiagramDiff;
  version: number;
  text: ReturnType<typeof extrasText>;
}) {
  const { modeler, diff, version, text } = props;
  const label = (e: DiffEntry) => (e.name ? `${e.name}（${e.id}）` : e.id);
  const row = (kind: keyof typeof COLORS) =>
    diff[kind].length ? (
      <div key={kind} data-testid={`modeler-diff-${kind}`}>
        <Typography.Text strong>
          {text(kind)}（{diff[kind].length}）：
        </Typography.Text>
        {diff[kind].map((e) => (
          <Tag
            key={e.id}
            color={COLORS[kind]}
            style={{ cursor: kind === 'removed' ? undefined : 'pointer', marginBottom: 2 }}
            title={[e.type, ...(e.attrs ?? [])].join(' · ')}
            onClick={() => kind !== 'removed' && modeler && revealElement(modeler, e.id)}
            data-element-id={e.id}
          >
            {label(e)}
          </Tag>
        ))}
      </div>
    ) : null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="modeler-diff-summary"
      title={isEmptyDiff(diff) ? text('diffNone') : text('diffTitle', { v: version })}
      description={
        isEmptyDiff(diff) ? undefined : (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {(['added', 'removed', 'changed', 'moved'] as const).map(row)}
          </Space>
        )
      }
    />
  );
}
