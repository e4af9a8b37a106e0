/** @module ui/layout/notification-bell: the header bell; GET /api/notifications may not exist yet, so a 404 just means "none". */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover } from 'antd';
import { useEffect, useState } from 'react';
import { itemsOf, type Notification, notifications } from '../api';
import { useT } from '../i18n';
import { formatTime } from '../lib';

export function NotificationBell() {
  const t = useT();
  const [items, setItems] = useState<Notification[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () =>
      notifications
        .list()
        .then((res) => alive && setItems(itemsOf(res)))
        .catch(() => alive && setItems([]));
    void load();
    const timer = setInterval(load, 60_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  const unread = items.filter((n) => !n.read).length;
  const content = (
    <List
      style={{ width: 320, maxHeight: 400, overflow: 'auto' }}
      size="small"
      dataSource={items}
      locale={{ emptyText: t('notifications.empty') }}
      renderItem={(n) => (
        <List.Item>
          <List.Item.Meta
            title={n.link ? <a href={n.link}>{n.title ?? n.message}</a> : (n.title ?? n.message)}
            description={
              <>
                {n.title && n.message ? <div>{n.message}</div> : null}
                <span>{formatTime(n.createdAt)}</span>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={content} title={t('notifications')} trigger="click" placement="bottomRight">
      <Badge count={unread} size="small">
        <Button type="text" style={{ color: '#fff' }} icon={<BellOutlined />} aria-label={t('notifications')} data-testid="notifications-bell" />
      </Badge>
    </Popover>
  );
}
