/**
 * @module ui/components/approval-record: the 审批记录 (#17 item 1) — one line per human act: what in words, who with
 * their unit, the step and its round, when (China time), the opinion and the step's fields read-only. The technical
 * event log is handed in by the page and shown folded, to administrators only.
 */
import { Alert, Button, Collapse, Descriptions, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useUser } from '../auth';
import { useLocale } from '../i18n';
import { formatTime, isAdmin, useAsync } from '../lib';
import { instanceRecord, type RecordField, type RecordLine, taskRecord } from './approval-record-api';
import { recordMessages } from './approval-record-messages';
import { AttachmentRef } from './ref-label';

const TONE_COLOR: Record<RecordLine['tone'], string> = {
  submit: 'blue',
  approve: 'green',
  return: 'orange',
  reject: 'red',
  neutral: 'default',
};
const SHOWN_FIELDS = 4;

/** A step's submitted fields, labelled, options as labels, files as links; long forms fold after a few. */
export function RecordFields({
  fields,
  testId = 'record-fields',
}: {
  fields: RecordField[];
  testId?: string;
}) {
  const { lang } = useLocale();
  const m = recordMessages(lang);
  const [open, setOpen] = useState(false);
  if (!fields.length) return null;
  const shown = open ? fields : fields.slice(0, SHOWN_FIELDS);
  return (
    <div data-testid={testId}>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 130 } }}
        items={shown.map((f) => ({
          key: f.key,
          label: lang === 'en' ? (f.labelEn ?? f.label) : f.label,
          children: f.attachments?.length ? (
            <Space orientation="vertical" size={2} data-testid="record-attachments">
              {f.attachments.map((id) => (
                <AttachmentRef key={id} id={id} />
              ))}
            </Space>
          ) : (
            <span
              data-testid="record-field"
              data-key={f.key}
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            >
              {f.text}
            </span>
          ),
        }))}
      />
      {fields.length > SHOWN_FIELDS ? (
        <Button type="link" size="small" onClick={() => setOpen(!open)} style={{ paddingLeft: 0 }}>
          {open ? m.less : m.more(fields.length - SHOWN_FIELDS)}
        </Button>
      ) : null}
    </div>
  );
}

/** The head of a line: action, who, step (and round), when. */
export function RecordLineHead({ line }: { line: RecordLine }) {
  const { lang } = useLocale();
  const m = recordMessages(lang);
  return (
    <Space wrap size={[6, 2]}>
      <Tag color={TONE_COLOR[line.tone]} data-testid="record-action" style={{ marginInlineEnd: 0 }}>
        {lang === 'en' ? line.actionEn : line.action}
      </Tag>
      <Typography.Text strong data-testid="record-actor">
        {line.actorLabel ?? m.system}
      </Typography.Text>
      {line.step ? (
        <Typography.Text data-testid="record-step">
          {line.step}
          {line.round && line.round > 1 ? `（${m.round(line.round)}）` : ''}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="record-at">
        {formatTime(line.at)}
      </Typography.Text>
    </Space>
  );
}

function LineBody({ line }: { line: RecordLine }) {
  const { lang } = useLocale();
  const m = recordMessages(lang);
  return (
    <div data-testid="record-line" data-kind={line.kind} data-tone={line.tone}>
      <RecordLineHead line={line} />
      {line.targets?.length ? (
        <div data-testid="record-targets">
          <Typography.Text type="secondary">→ {line.targets.join('、')}</Typography.Text>
        </div>
      ) : null}
      {line.opinion ? (
        <div data-testid="record-opinion" style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{m.opinion}：</Typography.Text>
          {line.opinion}
        </div>
      ) : null}
      {line.fields.length ? (
        <div style={{ marginTop: 6 }}>
          <RecordFields fields={line.fields} />
        </div>
      ) : null}
    </div>
  );
}

export interface ApprovalRecordProps {
  lines: RecordLine[];
  /** The technical event log, shown folded to administrators only. */
  technical?: ReactNode;
}

export function ApprovalRecord({ lines, technical }: ApprovalRecordProps) {
  const { lang } = useLocale();
  const m = recordMessages(lang);
  const user = useUser();
  return (
    <div data-testid="approval-record">
      {lines.length ? (
        <Timeline
          items={lines.map((line, i) => ({
            key: `${line.at}-${i}`,
            color: TONE_COLOR[line.tone] === 'default' ? 'gray' : TONE_COLOR[line.tone],
            content: <LineBody line={line} />,
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.empty} />
      )}
      {technical && isAdmin(user.roles) ? (
        <Collapse
          size="small"
          data-testid="technical-log"
          items={[{ key: 'technical', label: m.technical, children: technical }]}
        />
      ) : null}
    </div>
  );
}

function Loaded({
  state,
  technical,
}: {
  state: ReturnType<typeof useAsync<{ lines: RecordLine[] }>>;
  technical?: ReactNode;
}) {
  if (state.loading && !state.data) return <Spin />;
  if (!state.data) return <Alert type="error" showIcon title={(state.error as Error)?.message} />;
  return <ApprovalRecord lines={state.data.lines} technical={technical} />;
}

/** The record of an instance (GET /api/process-instances/{id}/record). */
export function InstanceApprovalRecord({
  instanceId,
  technical,
}: {
  instanceId: string;
  technical?: ReactNode;
}) {
  const state = useAsync(() => instanceRecord(instanceId), [instanceId]);
  return <Loaded state={state} technical={technical} />;
}

/** The record of a task's instance (GET /api/tasks/{id}/record). */
export function TaskApprovalRecord({ taskId, technical }: { taskId: string; technical?: ReactNode }) {
  const state = useAsync(() => taskRecord(taskId), [taskId]);
  return <Loaded state={state} technical={technical} />;
}
