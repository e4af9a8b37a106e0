/**
 * @module ui/pages/account/totp-card: enrol the second factor: a QR code of the otpauth:// URL (antd's QRCode, no
 * extra package) with the URL as text and the secret in groups of four, then the first code, then the ten recovery
 * codes, shown once, to copy.
 */
import { Alert, Button, Card, Form, Input, List, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useAuth, useUser } from '../../auth';
import { showSuccess } from '../../lib';
import { account, groupSecret } from './account-api';
import { useAccountT } from './messages';

export function TotpCard({ onDone }: { onDone: () => void }) {
  const t = useAccountT();
  const user = useUser();
  const { refresh } = useAuth();
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUrl: string }>();
  const [codes, setCodes] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const start = () => run(async () => setEnrolment(await account.startTotp()));
  const confirm = (v: { code: string }) =>
    run(async () => {
      const { recoveryCodes } = await account.confirmTotp(v.code.trim());
      setCodes(recoveryCodes);
      setEnrolment(undefined);
    });

  let body: React.ReactNode;
  if (codes) {
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={5}>{t('totp.recoveryTitle')}</Typography.Title>
        <Typography.Paragraph>{t('totp.recoveryHint')}</Typography.Paragraph>
        <List
          size="small"
          bordered
          dataSource={codes}
          style={{ maxWidth: 260, fontFamily: 'monospace' }}
          renderItem={(c) => <List.Item data-testid="recovery-code">{c}</List.Item>}
        />
        <Space>
          <Button
            onClick={() =>
              void navigator.clipboard?.writeText(codes.join('\n')).then(() => showSuccess(t('totp.copied')))
            }
            data-testid="recovery-copy"
          >
            {t('totp.copy')}
          </Button>
          <Button
            type="primary"
            data-testid="recovery-done"
            onClick={async () => {
              await refresh();
              onDone();
            }}
          >
            {t('totp.done')}
          </Button>
        </Space>
      </Space>
    );
  } else if (user.secondFactor) {
    body = <Alert type="success" showIcon title={t('totp.enrolled')} data-testid="totp-enrolled" />;
  } else if (enrolment) {
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('totp.intro')}</Typography.Paragraph>
        <QRCode value={enrolment.otpauthUrl} size={180} data-testid="totp-qr" />
        <Typography.Text>
          {t('totp.secret')}：
          <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="totp-secret">
            {groupSecret(enrolment.secret)}
          </Typography.Text>
        </Typography.Text>
        <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
          {t('totp.url')}：<span data-testid="totp-url">{enrolment.otpauthUrl}</span>
        </Typography.Text>
        <Form layout="inline" onFinish={confirm} name="totp-confirm" requiredMark={false}>
          <Form.Item
            name="code"
            label={t('totp.code')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('totp.codeRule') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              style={{ width: 120 }}
              data-testid="totp-code"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
            {t('totp.confirm')}
          </Button>
        </Form>
      </Space>
    );
  } else {
    body = (
      <Button
        type="primary"
        onClick={start}
        loading={busy}
        disabled={user.mustChangePassword}
        data-testid="totp-start"
      >
        {t('totp.start')}
      </Button>
    );
  }

  return (
    <Card title={t('totp.title')} data-testid="totp-card">
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          role="alert"
          data-testid="totp-error"
        />
      ) : null}
      {body}
    </Card>
  );
}
