/** @module ui/layout/notification-bell: the header bell: my notifications (催办, results), unread count, mark read; a missing route means "none". */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type Notification, notifications } from '../api';
import { useT } from '../i18n';
import { formatTime } from '../lib';

export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const load = useCallback(
    () =>
      notifications
        .list()
        .then((res) => {
          const list = res?.items ?? [];
          setItems(list);
          setUnread(res?.unread ?? list.filter((n) => !n.readAt).length);
        })
        .catch(() => {
          setItems([]);
          setUnread(0);
        }),
    [],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(load, 30_000);
    return () => clearInterval(timer);
  }, [load]);

  const openItem = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await notifications.markRead([n.id]).catch(() => undefined);
    void load();
    const target = n.link || (n.instanceId ? `/instances/${n.instanceId}` : undefined);
    if (target?.startsWith('/')) navigate(target);
  };

  const content = (
    <div style={{ width: 360 }}>
      <List
        style={{ maxHeight: 420, overflow: 'auto' }}
        size="small"
        dataSource={items}
        locale={{ emptyText: t('notifications.empty') }}
        data-testid="notifications-list"
        renderItem={(n) => (
          <List.Item
            onClick={() => openItem(n)}
            style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
            data-testid="notification-item"
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={!n.readAt} type={n.kind === 'warning' || n.kind === 'urge' ? 'danger' : undefined}>
                  {n.title}
                </Typography.Text>
              }
              description={
                <>
                  {n.body ? <div>{n.body}</div> : null}
                  <span style={{ fontSize: 12 }}>{formatTime(n.createdAt)}</span>
                </>
              }
            />
          </List.Item>
        )}
      />
      {unread ? (
        <Button
          type="link"
          block
          onClick={() => notifications.markRead().then(load, load)}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      ) : null}
    </div>
  );
  return (
    <Popover
      content={content}
      title={t('notifications')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
    >
      <Badge count={unread} size="small">
        <Button
          type="text"
          style={{ color: '#fff' }}
          icon={<BellOutlined />}
          aria-label={`${t('notifications')}${unread ? `（${unread}）` : ''}`}
          data-testid="notifications-bell"
        />
      </Badge>
    </Popover>
  );
}
