/**
 * @module ui/pages/started/started-list: 我发起的: the instances I started, newest first, with the step each is at,
 * and 催办 (remind whoever holds the open steps; once an hour each) and 撤回 (pull it back while nobody acted).
 * Shown under the inbox's 我发起的 tab and on /started.
 */
import { Button, Empty, Input, Modal, Space, Spin, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Instance, Task } from '../../api';
import { PersonName } from '../../components';
import { formatTime, showError, showSuccess, useAsync, useProcessNames } from '../../lib';
import { approvals } from '../tasks/actions/api';
import { useActionsText } from '../tasks/actions/messages';

const STATUS_COLOR = { active: 'blue', completed: 'green', cancelled: 'default', incident: 'red' } as const;

export function StartedList({ onChanged }: { onChanged?: () => void }) {
  const text = useActionsText();
  const processNames = useProcessNames();
  const list = useAsync(async () => {
    const page = await approvals.started();
    // The step each active one is at: what 催办 reminds and what 撤回 pulls back.
    const open = await Promise.all(
      page.items.map((i) =>
        i.status === 'active'
          ? approvals
              .openTasksOf(i.id)
              .then((r) => r.items)
              .catch((): Task[] => [])
          : Promise.resolve([] as Task[]),
      ),
    );
    return page.items.map((instance, n) => ({ instance, open: open[n] }));
  }, []);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      showSuccess(done);
      list.reload();
      onChanged?.();
    } catch (err) {
      showError(err);
    }
  };
  const urge = (open: Task[]) =>
    act(() => Promise.all(open.map((t) => approvals.urge(t.id))), text.done.urge);
  const withdraw = (instance: Instance) =>
    Modal.confirm({
      title: text.withdraw,
      content: text.withdrawConfirm,
      okText: text.withdraw,
      cancelText: text.cancel,
      okButtonProps: { 'data-testid': 'withdraw-confirm' } as never,
      onOk: () => act(() => approvals.withdraw(instance.id), text.done.withdraw),
    });

  const revoke = (instance: Instance) => {
    let reason = '';
    Modal.confirm({
      title: text.revoke,
      content: (
        <Input.TextArea
          aria-label={text.revokeReason}
          placeholder={text.revokeReason}
          autoSize={{ minRows: 2 }}
          maxLength={1000}
          onChange={(e) => {
            reason = e.target.value;
          }}
          data-testid="revoke-reason"
        />
      ),
      okText: text.revoke,
      okButtonProps: { danger: true, 'data-testid': 'revoke-confirm' } as never,
      cancelText: text.cancel,
      onOk: async () => {
        if (!reason.trim()) {
          showError(new Error(text.revokeReason));
          throw new Error('reason required');
        }
        await act(() => approvals.revoke(instance.id, reason.trim()), text.done.revoke);
      },
    });
  };

  if (list.loading && !list.data) return <Spin />;
  const rows = list.data ?? [];
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.started.empty} />;
  return (
    <Table
      size="small"
      rowKey={(r) => r.instance.id}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="started-list"
      onRow={(r) => ({ 'data-testid': `started-row-${r.instance.id}` }) as never}
      columns={[
        {
          title: text.started.process,
          render: (_, r) => (
            <Link to={`/instances/${r.instance.id}`}>
              {processNames[r.instance.processKey] ?? r.instance.processKey}
            </Link>
          ),
        },
        { title: text.started.businessKey, render: (_, r) => r.instance.businessKey || '—' },
        { title: text.started.startedAt, render: (_, r) => formatTime(r.instance.startedAt) },
        {
          title: text.started.status,
          render: (_, r) => (
            <Tag color={STATUS_COLOR[r.instance.status]}>{text.status[r.instance.status]}</Tag>
          ),
        },
        {
          title: text.started.current,
          render: (_, r) => (
            <span data-testid={`started-current-${r.instance.id}`}>
              {r.open.length === 0
                ? '—'
                : r.open.map((t, i) => (
                    <span key={t.id}>
                      {i > 0 ? '、' : ''}
                      {t.name}
                      {t.assignee ? (
                        <>
                          （<PersonName username={t.assignee} />）
                        </>
                      ) : null}
                    </span>
                  ))}
            </span>
          ),
        },
        {
          title: text.started.actions,
          render: (_, r) =>
            r.instance.status === 'active' ? (
              <Space>
                <Button
                  size="small"
                  disabled={r.open.length === 0}
                  onClick={() => urge(r.open)}
                  data-testid={`started-urge-${r.instance.id}`}
                >
                  {text.urge}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => revoke(r.instance)}
                  data-testid={`started-revoke-${r.instance.id}`}
                >
                  {text.revoke}
                </Button>
                <Button
                  size="small"
                  onClick={() => withdraw(r.instance)}
                  data-testid={`started-withdraw-${r.instance.id}`}
                >
                  {text.withdraw}
                </Button>
              </Space>
            ) : (
              <Link to={`/instances/${r.instance.id}`}>{text.started.view}</Link>
            ),
        },
      ]}
    />
  );
}
