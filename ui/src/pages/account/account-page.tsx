/**
 * @module ui/pages/account: /account: change the password (policy shown) and enrol the second factor. A user with a
 * one-time password, or an administrator without a second factor, lands here after login and stays until done
 * (ui/auth/account-gate.ts); everyone else reaches it from their name in the header.
 */
import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { mustVisitAccount, useAuth, useUser } from '../../auth';
import { useLocale } from '../../i18n';
import { useAccountT } from './messages';
import { PasswordCard } from './password-card';
import { TotpCard } from './totp-card';

export default function AccountPage() {
  const user = useUser();
  const { logout } = useAuth();
  const { t: tl, lang, setLang } = useLocale();
  const t = useAccountT();
  const navigate = useNavigate();
  const gated = mustVisitAccount(user);
  // Whoever was kept here goes on to the inbox once free: after the password change, unless the second factor is
  // still to come (the recovery codes are shown first: the user refreshes with "continue").
  const wasGated = useRef(gated);
  useEffect(() => {
    if (wasGated.current && !gated) navigate('/tasks', { replace: true });
    wasGated.current = gated;
  }, [gated, navigate]);
  const leaveIfFree = () => navigate('/tasks', { replace: true });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 20 }}>
        <span style={{ color: '#fff', fontSize: 18, fontWeight: 600, flex: 1 }}>
          {tl('appName')} · {t('account.title')}
        </span>
        <Space style={{ color: '#fff' }}>
          <span data-testid="user-name">{user.name}</span>
          <span style={{ opacity: 0.65 }}>{user.unitName}</span>
          <Button
            type="text"
            style={{ color: '#fff' }}
            icon={<TranslationOutlined />}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            data-testid="lang-switch"
          >
            {tl('lang.switch')}
          </Button>
          <Button
            type="text"
            style={{ color: '#fff' }}
            icon={<LogoutOutlined />}
            onClick={() => void logout().then(() => navigate('/login'))}
            data-testid="logout"
          >
            {t('account.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 900, width: '100%', margin: '0 auto' }}>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('account.title')}
          </Typography.Title>
          {user.mustChangePassword ? (
            <Alert
              type="warning"
              showIcon
              title={t('account.mustChange')}
              data-testid="account-must-change"
            />
          ) : null}
          {!user.mustChangePassword && user.mustEnrolSecondFactor ? (
            <Alert type="warning" showIcon title={t('account.mustEnrol')} data-testid="account-must-enrol" />
          ) : null}
          <PasswordCard />
          <TotpCard onDone={leaveIfFree} />
          {gated ? null : (
            <Button onClick={() => navigate('/tasks')} data-testid="account-back">
              {t('account.back')}
            </Button>
          )}
        </Space>
      </Layout.Content>
    </Layout>
  );
}
