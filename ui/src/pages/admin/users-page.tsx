/** @module ui/pages/admin/users-page: /admin/users: the county's users with unit and roles; create, edit, disable, reset passwords. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type AdminUser, adminUsers, itemsOf, units } from '../../api';
import { useAsync } from '../../lib';
import { ImportButton } from '../imports/import-button';
import { useAdminT } from './messages';
import { PasswordModal } from './password-modal';
import { useRoles } from './use-roles';
import { UserActions } from './user-actions';
import { UserDrawer } from './user-drawer';

const PAGE_SIZE = 20;

export default function UsersPage() {
  const t = useAdminT();
  const roles = useRoles();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? undefined;
  const role = params.get('role') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAsync(
    () => adminUsers.list({ unitId, role, q, page, pageSize: PAGE_SIZE }),
    [unitId, role, q, page],
  );
  const unitList = useAsync(() => units.search('').then(itemsOf), [], true);
  const [editing, setEditing] = useState<AdminUser | 'new'>();
  const [resetting, setResetting] = useState<AdminUser>();
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  return (
    <Card
      title={t('users.title')}
      extra={
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('users.filterUnit')}
            aria-label={t('users.filterUnit')}
            style={{ width: 200 }}
            value={unitId}
            options={(unitList.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v) => setParam('unit', v)}
            data-testid="users-filter-unit"
          />
          <Select
            allowClear
            placeholder={t('users.filterRole')}
            aria-label={t('users.filterRole')}
            style={{ width: 170 }}
            value={role}
            options={roles.list.map((r) => ({ value: r.key, label: roles.label(r.key) }))}
            onChange={(v) => setParam('role', v)}
            data-testid="users-filter-role"
          />
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('users.search')}
            aria-label={t('users.search')}
            onSearch={(v) => setParam('q', v.trim() || undefined)}
            style={{ width: 220 }}
            data-testid="users-search"
          />
          <ImportButton kind="users" onImported={list.reload} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="users-new"
          >
            {t('users.new')}
          </Button>
        </Space>
      }
    >
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="users-table"
        onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as never}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: (p) => setParam('page', p > 1 ? String(p) : undefined),
        }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', width: 170 },
          { title: t('users.name'), dataIndex: 'name', width: 120 },
          { title: t('users.unit'), dataIndex: 'unitName', width: 180 },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (rs: string[]) => rs.map((r) => <Tag key={r}>{roles.label(r)}</Tag>),
          },
          {
            title: t('users.status'),
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) =>
              a ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>,
          },
          {
            title: t('users.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, u) => (
              <UserActions
                user={u}
                onEdit={() => setEditing(u)}
                onResetPassword={() => setResetting(u)}
                onChanged={list.reload}
              />
            ),
          },
        ]}
      />
      {editing ? (
        <UserDrawer
          user={editing === 'new' ? undefined : editing}
          units={unitList.data ?? []}
          roles={roles}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      ) : null}
      {resetting ? <PasswordModal user={resetting} onClose={() => setResetting(undefined)} /> : null}
    </Card>
  );
}
