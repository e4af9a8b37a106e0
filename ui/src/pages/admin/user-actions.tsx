/**
 * @module ui/pages/admin/user-actions: a user row's actions: edit, reset the password, reset a lost second factor
 * (confirmed), disable (confirmed) or enable.
 */
import { Button, Popconfirm, Space } from 'antd';
import { type AdminUser, adminUsers, request } from '../../api';
import { showError, showSuccess } from '../../lib';
import { useAdminT } from './messages';

export function UserActions(props: {
  user: AdminUser;
  onEdit: () => void;
  onResetPassword: () => void;
  onChanged: () => void;
}) {
  const { user: u, onEdit, onResetPassword, onChanged } = props;
  const t = useAdminT();
  const toggle = async () => {
    try {
      await adminUsers.setEnabled(u.id, !u.active);
      showSuccess(t(u.active ? 'users.disabledDone' : 'users.enabledDone', { name: u.name }));
      onChanged();
    } catch (err) {
      showError(err); // e.g. 409: the last active administrator
    }
  };
  const resetTotp = async () => {
    try {
      await request<void>(`/admin/users/${encodeURIComponent(u.id)}/totp/reset`, { method: 'POST' });
      showSuccess(t('users.totpResetDone', { name: u.name }));
      onChanged();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit} data-testid={`user-edit-${u.username}`}>
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" onClick={onResetPassword} data-testid={`user-password-${u.username}`}>
        {t('users.resetPassword')}
      </Button>
      {u.secondFactor ? (
        // The user's phone and recovery codes are gone: they enrol again at next login. Confirm first.
        <Popconfirm
          title={t('users.totpResetConfirm')}
          onConfirm={resetTotp}
          okButtonProps={{ danger: true }}
        >
          <Button type="link" size="small" data-testid={`user-totp-reset-${u.username}`}>
            {t('users.totpReset')}
          </Button>
        </Popconfirm>
      ) : null}
      {u.active ? (
        // Disabling ends the user's sessions at once: confirm first.
        <Popconfirm title={t('users.disableConfirm')} onConfirm={toggle} okButtonProps={{ danger: true }}>
          <Button type="link" size="small" danger data-testid={`user-disable-${u.username}`}>
            {t('users.disable')}
          </Button>
        </Popconfirm>
      ) : (
        <Button type="link" size="small" onClick={toggle} data-testid={`user-enable-${u.username}`}>
          {t('users.enable')}
        </Button>
      )}
    </Space>
  );
}
