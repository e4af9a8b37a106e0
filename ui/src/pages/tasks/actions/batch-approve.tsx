/**
 * @module ui/pages/tasks/actions/batch-approve: 批量审批: the selected tasks (all of one step) completed with one
 * opinion; the server completes each on its own and the dialog lists each task's result.
 */
import { Alert, Button, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Task } from '../../../api';
import { showError } from '../../../lib';
import { approvals, type BatchResult } from './api';
import { useActionsText } from './messages';

export interface BatchApproveProps {
  tasks: Task[];
  onDone: () => void;
}

export function BatchApprove({ tasks, onDone }: BatchApproveProps) {
  const text = useActionsText();
  const [open, setOpen] = useState(false);
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BatchResult[]>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const step = tasks[0]?.name ?? '';

  const submit = async () => {
    setBusy(true);
    try {
      const res = await approvals.batch(
        tasks.map((t) => t.id),
        opinion,
      );
      setResults(res.results);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    if (results) {
      setResults(undefined);
      setOpinion('');
      onDone();
    }
  };
  const ok = results?.filter((r) => r.status === 'completed').length ?? 0;

  return (
    <>
      <Button
        type="primary"
        disabled={tasks.length === 0}
        onClick={() => setOpen(true)}
        data-testid="batch-approve"
      >
        {text.batch}
        {tasks.length > 0 ? `（${tasks.length}）` : ''}
      </Button>
      <Modal
        open={open}
        title={text.batchTitle(tasks.length, step)}
        onCancel={close}
        onOk={results ? close : submit}
        okText={results ? text.ok : text.approve}
        cancelText={text.cancel}
        okButtonProps={{ loading: busy, 'data-testid': 'batch-confirm' } as never}
        destroyOnHidden
      >
        {results ? (
          <>
            <Alert
              type={ok === results.length ? 'success' : 'warning'}
              showIcon
              title={text.batchResult(ok, results.length - ok)}
              style={{ marginBottom: 8 }}
              data-testid="batch-summary"
            />
            <List
              size="small"
              dataSource={results}
              renderItem={(r) => (
                <List.Item data-testid={`batch-result-${r.taskId}`}>
                  <span>
                    {byId.get(r.taskId)?.title || byId.get(r.taskId)?.businessKey || r.taskId}{' '}
                    {r.status === 'completed' ? (
                      <Tag color="green">{text.resultOk}</Tag>
                    ) : (
                      <Tag color="red">{text.resultFailed}</Tag>
                    )}
                  </span>
                  {r.error ? <Typography.Text type="danger">{r.error.message}</Typography.Text> : null}
                </List.Item>
              )}
            />
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{text.batchHint}</Typography.Paragraph>
            <Input.TextArea
              aria-label={text.opinion}
              placeholder={text.opinionPlaceholder}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
              data-testid="batch-opinion"
            />
          </>
        )}
      </Modal>
    </>
  );
}
