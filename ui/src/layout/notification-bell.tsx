/** @module ui/layout/notification-bell: the header bell: my notifications (催办, results), unread count, mark read; a missing route means "none". */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Typography } from 'antd';
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
      {/* A plain list, not antd's List: that one pulls Pagination, Select and a virtual list into every page. */}
      <ul
        style={{ maxHeight: 420, overflow: 'auto', listStyle: 'none', margin: 0, padding: 0 }}
        data-testid="notifications-list"
      >
        {items.length === 0 ? (
          <li style={{ padding: 16, textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('notifications.empty')}</Typography.Text>
          </li>
        ) : null}
        {items.map((n) => (
          <li key={n.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
            <button
              type="button"
              onClick={() => openItem(n)}
              data-testid="notification-item"
              style={{
                all: 'unset',
                boxSizing: 'border-box',
                display: 'block',
                width: '100%',
                cursor: 'pointer',
                padding: '8px 8px',
                background: n.readAt ? undefined : '#f0f7ff',
              }}
            >
              <Typography.Text strong={!n.readAt} type={n.kind === 'warning' || n.kind === 'urge' ? 'danger' : undefined}>
                {n.title}
              </Typography.Text>
              {n.body ? <div style={{ color: 'rgba(0,0,0,0.55)' }}>{n.body}</div> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(n.createdAt)}
              </Typography.Text>
            </button>
          </li>
        ))}
      </ul>
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
