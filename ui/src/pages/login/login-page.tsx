/**
 * @module ui/pages/login: username + password, then — when the server answers SECOND_FACTOR_REQUIRED — the 6-digit
 * code (or a recovery code) as a second step. The API's own (Chinese) error message is shown on failure. A user
 * who must change the one-time password or enrol a second factor goes to /account.
 */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { mustVisitAccount, useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAccountT } from '../account/messages';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { user, login } = useAuth();
  const { t, lang, setLang } = useLocale();
  const at = useAccountT();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** Set once the password was right and the account asks for its second factor. */
  const [pending, setPending] = useState<Credentials>();
  const from = (location.state as { from?: string } | null)?.from ?? '/tasks';

  if (user) return <Navigate to={mustVisitAccount(user) ? '/account' : from} replace />;

  const attempt = async (credentials: Credentials, code?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await login(credentials.username, credentials.password, code);
      navigate(mustVisitAccount(signedIn) ? '/account' : from, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SECOND_FACTOR_REQUIRED') {
        // The first answer only asks for the code; a wrong code says so in the server's words.
        if (pending) setError(err.message);
        setPending(credentials);
      } else {
        setError(err instanceof ApiError ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('appSubtitle')}
        </Typography.Paragraph>
        {error ? (
          <Alert
            type="error"
            title={error}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            role="alert"
          />
        ) : null}
        {pending ? (
          <Form
            layout="vertical"
            onFinish={(v: { code: string }) => attempt(pending, v.code.trim())}
            requiredMark={false}
            name="login-code"
          >
            <Typography.Paragraph data-testid="login-code-hint">{at('login.codeHint')}</Typography.Paragraph>
            <Form.Item
              label={at('login.code')}
              name="code"
              rules={[{ required: true, whitespace: true, message: at('login.codeRequired') }]}
            >
              <Input
                prefix={<SafetyOutlined />}
                autoComplete="one-time-code"
                inputMode="numeric"
                autoFocus
                maxLength={40}
                data-testid="login-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-code-submit">
              {t('login.submit')}
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                setPending(undefined);
                setError(undefined);
              }}
            >
              {at('login.back')}
            </Button>
          </Form>
        ) : (
          <Form
            layout="vertical"
            onFinish={(v: Credentials) => attempt({ ...v, username: v.username.trim() })}
            requiredMark={false}
            name="login"
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, message: t('login.required.username') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.required.password') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        )}
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('lang.switch')}
        </Button>
      </Card>
    </div>
  );
}
