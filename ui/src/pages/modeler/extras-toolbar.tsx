/** @module ui/pages/modeler/extras-toolbar: the live check's count and list, the diff and simulation switches. */
import { CheckCircleOutlined, DiffOutlined, PlayCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type Modeler from 'bpmn-js/lib/Modeler';
import { Badge, Button, List, Popover, Tooltip, Typography } from 'antd';
import type { extrasText } from './extras-messages';
import { revealElement } from './problems';
import type { LiveIssue } from './use-lint-issues';

interface Props {
  modeler: Modeler | undefined;
  text: ReturnType<typeof extrasText>;
  issues: LiveIssue[];
  canDiff: boolean;
  diffOn: boolean;
  /** The deployed version is being fetched and compared. */
  diffLoading?: boolean;
  onDiff: (on: boolean) => void;
  simulating: boolean;
  onSimulate: (on: boolean) => void;
}

export function ExtrasToolbar({
  modeler,
  text,
  issues,
  canDiff,
  diffOn,
  diffLoading,
  onDiff,
  simulating,
  onSimulate,
}: Props) {
  const errors = issues.filter((i) => i.category === 'error').length;
  const warnings = issues.length - errors;
  const summary = issues.length
    ? [errors ? text('lintErrors', { n: errors }) : '', warnings ? text('lintWarnings', { n: warnings }) : '']
        .filter(Boolean)
        .join('，')
    : text('lintClean');
  const list = (
    <List
      size="small"
      style={{ maxWidth: 520, maxHeight: 360, overflow: 'auto' }}
      data-testid="modeler-lint-list"
      dataSource={issues}
      locale={{ emptyText: text('lintClean') }}
      renderItem={(i) => (
        <List.Item
          style={{ cursor: 'pointer', padding: '4px 0' }}
          onClick={() => modeler && revealElement(modeler, i.elementId)}
          data-testid="modeler-lint-issue"
          data-element-id={i.actualElementId}
          data-category={i.category}
        >
          <Typography.Text type={i.category === 'error' ? 'danger' : 'warning'}>
            {i.category === 'error' ? '✖' : '⚠'}
          </Typography.Text>{' '}
          <Typography.Text code>{i.actualElementId}</Typography.Text> {i.message}
        </List.Item>
      )}
    />
  );
  return (
    <>
      <Popover content={list} title={text('lintTitle')} trigger="click" placement="bottomRight">
        <Button
          icon={issues.length ? <WarningOutlined /> : <CheckCircleOutlined />}
          danger={errors > 0}
          data-testid="modeler-lint"
          data-errors={errors}
          data-warnings={warnings}
        >
          {text('lint')} <Badge count={issues.length} size="small" color={errors ? '#cf1322' : '#faad14'} />
          <span className="hl-visually-hidden">{summary}</span>
        </Button>
      </Popover>
      <Tooltip title={canDiff ? undefined : text('diffNoDeployed')}>
        <Button
          icon={<DiffOutlined />}
          type={diffOn ? 'primary' : 'default'}
          ghost={diffOn}
          disabled={!canDiff}
          loading={diffLoading}
          aria-pressed={diffOn}
          onClick={() => onDiff(!diffOn)}
          data-testid="modeler-diff"
        >
          {text('diff')}
        </Button>
      </Tooltip>
      <Button
        icon={<PlayCircleOutlined />}
        type={simulating ? 'primary' : 'default'}
        ghost={simulating}
        aria-pressed={simulating}
        onClick={() => onSimulate(!simulating)}
        data-testid="modeler-simulate"
      >
        {text('simulate')}
      </Button>
    </>
  );
}
