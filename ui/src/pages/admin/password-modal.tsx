/** @module ui/pages/admin/password-modal: an administrator sets a new password for a user (their sessions end). */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type AdminUser, adminUsers } from '../../api';
import { showError, showSuccess } from '../../lib';
import { useAdminT } from './messages';

interface Values {
  password: string;
  confirm: string;
}

export function PasswordModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const t = useAdminT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const { password } = await form.validateFields();
    setBusy(true);
    try {
      await adminUsers.resetPassword(user.id, password);
      showSuccess(t('users.passwordDone', { name: user.name }));
      onClose();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('users.resetPassword')}：${user.name}（${user.username}）`}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'password-submit' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="reset-password" autoComplete="off">
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordRule')}
          rules={[{ required: true, min: 8, max: 200, message: t('users.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('users.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
