/** @module ui/pages/account/password-card: change my password, with the policy shown and the server's rule named on refusal. */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useAuth } from '../../auth';
import { showSuccess } from '../../lib';
import { account } from './account-api';
import { useAccountT } from './messages';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordCard() {
  const t = useAccountT();
  const { refresh } = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const required = (field: string) => ({ required: true, message: t('password.required', { field }) });

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await account.changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      showSuccess(t('password.done'));
      await refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('password.title')} data-testid="password-card">
      <Alert
        type="info"
        showIcon
        title={t('password.policy')}
        style={{ marginBottom: 16 }}
        data-testid="password-policy"
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
          role="alert"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        name="password"
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[required(t('password.current'))]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[required(t('password.new'))]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            required(t('password.confirm')),
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
