/**
 * @module ui/components/approval-record-previous: 前序环节 (#17 item 4) — on a task, what the steps before it said and
 * submitted: the triage opinion travels to the rectifier, the rectifier's report (and files) to the verifier, and
 * round 2 sees why round 1 failed. Newest first, the latest open.
 */
import { Card, Collapse, Tag, Typography } from 'antd';
import { useLocale } from '../i18n';
import { useAsync } from '../lib';
import { taskRecord } from './approval-record-api';
import { RecordFields, RecordLineHead } from './approval-record';
import { recordMessages } from './approval-record-messages';

export function PreviousSteps({ taskId }: { taskId: string }) {
  const { lang } = useLocale();
  const m = recordMessages(lang);
  const state = useAsync(() => taskRecord(taskId), [taskId], true);
  const previous = [...(state.data?.previous ?? [])].reverse();
  const round = state.data?.round ?? 1;
  if (!previous.length) return null;
  return (
    <Card
      size="small"
      title={m.previous}
      extra={
        round > 1 ? (
          <Tag color="orange" data-testid="task-round" data-round={round}>
            {m.thisRound(round)}
          </Tag>
        ) : null
      }
      style={{ marginBottom: 16 }}
      data-testid="previous-steps"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        {m.previousHint}
      </Typography.Paragraph>
      <Collapse
        size="small"
        defaultActiveKey={previous.slice(0, 2).map((_, i) => String(i))}
        items={previous.map((line, i) => ({
          key: String(i),
          label: <RecordLineHead line={line} />,
          children: (
            <div data-testid="previous-step" data-step={line.step}>
              {line.targets?.length ? (
                <Typography.Text type="secondary">→ {line.targets.join('、')}</Typography.Text>
              ) : null}
              {line.opinion ? (
                <div data-testid="previous-opinion" style={{ marginBottom: 6, whiteSpace: 'pre-wrap' }}>
                  <Typography.Text type="secondary">{m.opinion}：</Typography.Text>
                  {line.opinion}
                </div>
              ) : null}
              <RecordFields fields={line.fields} testId="previous-fields" />
            </div>
          ),
        }))}
      />
    </Card>
  );
}
