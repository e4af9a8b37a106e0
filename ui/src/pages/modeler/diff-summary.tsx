/**
 * @module ui/pages/modeler/diff-summary: the diff as a list above the canvas; removed elements can only be shown here.
 * Elements are named by their names (a flow by what it connects), changed settings in words; moves are not listed.
 */
import type Modeler from 'bpmn-js/lib/Modeler';
import { Alert, Space, Tag, Typography } from 'antd';
import { useLocale } from '../../i18n';
import { attrLabels, type DiagramDiff, type DiffEntry, entryLabel, hasNoRealChange } from './diff';
import type { extrasText } from './extras-messages';
import { revealElement } from './problems';

const COLORS = { added: 'success', removed: 'error', changed: 'warning' } as const;

export function DiffSummary(props: {
  modeler: Modeler | undefined;
  diff: DiagramDiff;
  version: number;
  text: ReturnType<typeof extrasText>;
}) {
  const { modeler, diff, version, text } = props;
  const { lang } = useLocale();
  const row = (kind: keyof typeof COLORS) =>
    diff[kind].length ? (
      <div key={kind} data-testid={`modeler-diff-${kind}`}>
        <Typography.Text strong>
          {text(kind)}（{diff[kind].length}）：
        </Typography.Text>
        {diff[kind].map((e: DiffEntry) => {
          const attrs = kind === 'changed' ? attrLabels(e.attrs, lang) : [];
          return (
            <Tag
              key={e.id}
              color={COLORS[kind]}
              style={{ cursor: kind === 'removed' ? undefined : 'pointer', marginBottom: 2 }}
              title={e.id}
              onClick={() => kind !== 'removed' && modeler && revealElement(modeler, e.id)}
              data-element-id={e.id}
            >
              {entryLabel(e, lang)}
              {attrs.length ? `（${attrs.join('、')}）` : ''}
            </Tag>
          );
        })}
      </div>
    ) : null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="modeler-diff-summary"
      title={hasNoRealChange(diff) ? text('diffNone') : text('diffTitle', { v: version })}
      description={
        hasNoRealChange(diff) ? undefined : (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {(['added', 'removed', 'changed'] as const).map(row)}
          </Space>
        )
      }
    />
  );
}
