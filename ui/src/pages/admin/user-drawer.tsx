/** @module ui/pages/admin/user-drawer: create a user, or change a user's name, unit and roles; roles that do not fit the unit are disabled. */
import { Button, Drawer, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { type AdminUser, ApiError, adminUsers, type Unit } from '../../api';
import { showError, showSuccess } from '../../lib';
import { useAdminT } from './messages';
import type { Roles } from './use-roles';

const SYSTEM_ADMIN_ROLES = ['security.admin', 'audit.admin', 'authority.admin'];

interface Values {
  username: string;
  name: string;
  unitId: string;
  roles: string[];
  password?: string;
}

const FIELDS = ['username', 'name', 'unitId', 'roles', 'password'] as const;

/** The API's 400 details name a field by JSON pointer (`/roles`); show them under that field. */
function fieldErrors(err: unknown) {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as { path?: string; message?: string }[])
    .map((d) => ({ name: d.path?.split('/')[1] as (typeof FIELDS)[number], errors: [d.message ?? ''] }))
    .filter((f) => FIELDS.includes(f.name));
}

export function UserDrawer(props: {
  user?: AdminUser;
  units: Unit[];
  roles: Roles;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { user, units, roles, onClose, onSaved } = props;
  const t = useAdminT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const unitId = Form.useWatch('unitId', form);
  const unitKind = units.find((u) => u.id === unitId)?.kind;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('users.required', { field }),
  });

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      if (user) {
        await adminUsers.update(user.id, { name: values.name, unitId: values.unitId, roles: values.roles });
        showSuccess(t('users.saved'));
      } else {
        const password = values.password?.trim() ? values.password : undefined;
        const created = (await adminUsers.create({
          ...values,
          password,
          roles: values.roles ?? [],
        } as never)) as {
          oneTimePassword?: string;
        };
        // Shown once, to hand over: the server keeps only its hash, and the user must change it at first login.
        Modal.success({
          title: t('users.oneTimeTitle', { name: values.name }),
          content: (
            <>
              <Typography.Paragraph>{t('users.oneTimeHint')}</Typography.Paragraph>
              <Typography.Text code copyable data-testid="one-time-password">
                {created.oneTimePassword}
              </Typography.Text>
            </>
          ),
        });
      }
      onSaved();
    } catch (err) {
      const fields = fieldErrors(err);
      if (fields.length) form.setFields(fields);
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      size={520}
      title={user ? `${t('users.edit')}：${user.name}` : t('users.new')}
      onClose={onClose}
      destroyOnHidden
      data-testid="user-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="user-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        name="user"
        autoComplete="off"
        initialValues={
          user
            ? { username: user.username, name: user.name, unitId: user.unitId, roles: user.roles }
            : { roles: [] }
        }
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={user ? undefined : t('users.usernameRule')}
          rules={[
            required(t('users.username')),
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input disabled={!!user} data-testid="user-username" />
        </Form.Item>
        <Form.Item name="name" label={t('users.name')} rules={[required(t('users.name')), { max: 50 }]}>
          <Input data-testid="user-name-input" />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={[required(t('users.unit'))]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            data-testid="user-unit"
          />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} extra={t('users.countyWideHint')}>
          <Select
            mode="multiple"
            options={roles.list.map((r) => ({
              value: r.key,
              label: roles.label(r.key),
              // County-wide roles see every unit's work, and the three administrators (三员) work for the authority:
              // only for the authority's staff (identity/role-fit.ts).
              disabled:
                (r.countyWide || SYSTEM_ADMIN_ROLES.includes(r.key)) &&
                unitKind !== undefined &&
                unitKind !== 'authority',
            }))}
            data-testid="user-roles"
          />
        </Form.Item>
        {user ? null : (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.oneTimeRule')}
            rules={[{ min: 8, max: 200, message: t('users.oneTimeRule') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
