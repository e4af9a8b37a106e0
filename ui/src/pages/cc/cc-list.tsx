/**
 * @module ui/pages/cc/cc-list: 抄送我的: what was copied to me, newest first, unread ones marked; opening one marks
 * it read and shows its instance (a person copied may read it). Shown under the inbox's tab and on /cc.
 */
import { Badge, Button, Empty, Space, Spin, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatTime, showError, useAsync, useProcessNames } from '../../lib';
import { approvals, type TaskCopy } from '../tasks/actions/api';
import { useActionsText } from '../tasks/actions/messages';

export function CcList({ onChanged }: { onChanged?: () => void }) {
  const text = useActionsText();
  const navigate = useNavigate();
  const processNames = useProcessNames();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useAsync(() => approvals.copies(unreadOnly), [unreadOnly]);

  const markRead = async (ids?: string[]) => {
    try {
      await approvals.markCopiesRead(ids);
      list.reload();
      onChanged?.();
    } catch (err) {
      showError(err);
    }
  };
  const open = async (copy: TaskCopy) => {
    if (!copy.readAt) await markRead([copy.id]);
    navigate(`/instances/${copy.instanceId}`);
  };

  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch checked={unreadOnly} onChange={setUnreadOnly} data-testid="cc-unread-only" />
        <span>{text.ccPage.unreadOnly}</span>
        <Button
          size="small"
          disabled={!list.data?.unread}
          onClick={() => markRead()}
          data-testid="cc-mark-all"
        >
          {text.ccPage.markAllRead}
        </Button>
      </Space>
      {list.loading && !list.data ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.ccPage.empty} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="cc-list"
          onRow={(r) =>
            ({ 'data-testid': `cc-row-${r.id}`, 'data-unread': r.readAt ? 'false' : 'true' }) as never
          }
          columns={[
            {
              title: text.ccPage.step,
              render: (_, r) => (
                <Space>
                  {r.readAt ? null : (
                    <Badge status="error" text={text.ccPage.unread} data-testid={`cc-unread-${r.id}`} />
                  )}
                  <Button
                    type="link"
                    style={{ padding: 0 }}
                    onClick={() => open(r)}
                    data-testid={`cc-open-${r.id}`}
                  >
                    {r.taskName}
                  </Button>
                </Space>
              ),
            },
            { title: text.started.process, render: (_, r) => processNames[r.processKey] ?? r.processKey },
            { title: text.started.businessKey, render: (_, r) => r.businessKey || '—' },
            {
              title: text.ccPage.from,
              render: (_, r) =>
                r.copiedBy ?? <Typography.Text type="secondary">{text.ccPage.byDiagram}</Typography.Text>,
            },
            { title: text.opinion, render: (_, r) => r.comment || '—' },
            { title: text.ccPage.at, render: (_, r) => formatTime(r.createdAt) },
            {
              title: text.started.actions,
              render: (_, r) =>
                r.readAt ? null : (
                  <Button size="small" onClick={() => markRead([r.id])} data-testid={`cc-read-${r.id}`}>
                    {text.ccPage.markRead}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Space>
  );
}
