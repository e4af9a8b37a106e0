/** @module ui/layout/app-layout: the shell around every page after login: navigation, user and unit, language, logout. */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CopyOutlined,
  DatabaseOutlined,
  FormOutlined,
  LogoutOutlined,
  MenuOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Spin, Tooltip, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth';
import { useLocale } from '../i18n';
import { canSupervise, isAdmin, roleName, useRoleCatalog } from '../lib';
import { adminTranslate } from '../pages/admin/messages';
import { unitsTranslate } from '../pages/admin/units-messages';
import { auditTranslate } from '../pages/audit/messages';
import { NotificationBell } from './notification-bell';
import './phone.css';

const { Header, Content } = Layout;

/** The inbox's 我发起的 and 抄送我的 tabs as menu entries, for the phone's drawer menu. */
function phoneOnlyItems(lang: string) {
  return [
    {
      key: '/started',
      icon: <SendOutlined />,
      label: (
        <Link to="/started" data-testid="nav-started">
          {lang === 'en' ? 'Started by me' : '我发起的'}
        </Link>
      ),
    },
    {
      key: '/cc',
      icon: <CopyOutlined />,
      label: (
        <Link to="/cc" data-testid="nav-cc">
          {lang === 'en' ? 'CC to me' : '抄送我的'}
        </Link>
      ),
    },
  ];
}

export function AppLayout() {
  const user = useUser();
  // Role names and the county-wide flag come from the server (GET /api/roles): pages wait for it (one small request).
  const rolesReady = useRoleCatalog();
  const { logout } = useAuth();
  const { lang, setLang, t } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  const selected = section === '/modeler' || section === '/instances' ? '/processes' : section;
  // Unit staff use 浙政钉 on phones (#17): below antd's md (768 px) the menu, the user and 退出登录 move into a
  // drawer behind a menu button, so the header never pushes the page wider than the screen.
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation closes the phone menu
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const items = [
    {
      key: '/tasks',
      icon: <CheckSquareOutlined />,
      label: (
        <Link to="/tasks" data-testid="nav-tasks">
          {t('nav.tasks')}
        </Link>
      ),
    },
    // 我发起的, 抄送我的 (#12) are tabs of the inbox. The phone's menu (a vertical drawer) also lists them by name;
    // the desktop's one-line menu does not, or it overflows at 1280 px and hides 系统管理 behind "…".
    ...(phone ? phoneOnlyItems(lang) : []),
    {
      key: '/processes',
      icon: <ApartmentOutlined />,
      label: (
        <Link to="/processes" data-testid="nav-processes">
          {t('nav.processes')}
        </Link>
      ),
    },
    {
      key: '/forms',
      icon: <FormOutlined />,
      label: (
        <Link to="/forms" data-testid="nav-forms">
          {t('nav.forms')}
        </Link>
      ),
    },
    {
      key: '/catalog',
      icon: <DatabaseOutlined />,
      label: (
        <Link to="/catalog" data-testid="nav-catalog">
          {t('nav.catalog')}
        </Link>
      ),
    },
    ...(canSupervise(user.roles)
      ? [
          {
            key: '/dashboard',
            icon: <AlertOutlined />,
            label: (
              <Link to="/dashboard" data-testid="nav-dashboard">
                {t('nav.dashboard')}
              </Link>
            ),
          },
        ]
      : []),
    // Administration follows 三员分立: users for security.admin, the working-day calendar for authority.admin;
    // the server refuses everyone else too.
    ...(isAdmin(user.roles) || user.roles.includes('security.admin')
      ? [
          {
            key: '/admin',
            icon: <SettingOutlined />,
            label: <span data-testid="nav-admin">{adminTranslate(lang, 'nav.admin')}</span>,
            children: [
              ...(user.roles.includes('security.admin')
                ? [
                    {
                      key: '/admin/users',
                      icon: <TeamOutlined />,
                      label: (
                        <Link to="/admin/users" data-testid="nav-admin-users">
                          {adminTranslate(lang, 'nav.users')}
                        </Link>
                      ),
                    },
                  ]
                : []),
              ...(isAdmin(user.roles)
                ? [
                    {
                      key: '/admin/calendar',
                      icon: <CalendarOutlined />,
                      label: (
                        <Link to="/admin/calendar" data-testid="nav-admin-calendar">
                          {adminTranslate(lang, 'nav.calendar')}
                        </Link>
                      ),
                    },
                  ]
                : []),
            ],
          },
        ]
      : []),
    // Units are data (单位管理): security.admin only (docs/api.md "Units"); the server refuses everyone else too.
    ...(user.roles.includes('security.admin')
      ? [
          {
            key: '/admin/units',
            icon: <ClusterOutlined />,
            label: (
              <Link to="/admin/units" data-testid="nav-admin-units">
                {unitsTranslate(lang, 'nav.units')}
              </Link>
            ),
          },
        ]
      : []),
    // The audit log (安全审计): audit.admin only (三员分立); the server refuses everyone else too.
    ...(user.roles.includes('audit.admin')
      ? [
          {
            key: '/audit',
            icon: <AuditOutlined />,
            label: (
              <Link to="/audit" data-testid="nav-audit">
                {auditTranslate(lang, 'nav.audit')}
              </Link>
            ),
          },
        ]
      : []),
  ];

  const userInfo = (
    <Tooltip title={user.roles.map(roleName).join('、')}>
      {/* My account (password, second factor): the name leads there. */}
      <Link to="/account" data-testid="user-info">
        <Typography.Text style={{ color: phone ? undefined : '#fff' }} data-testid="user-name">
          {user.name}
        </Typography.Text>
        <Typography.Text
          style={{ color: phone ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.65)', marginLeft: 8 }}
          data-testid="user-unit"
        >
          {user.unitName}
        </Typography.Text>
      </Link>
    </Tooltip>
  );
  const langButton = (
    <Button
      type="text"
      style={{ color: phone ? undefined : '#fff' }}
      icon={<TranslationOutlined />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      aria-label="切换语言 / Switch language"
      data-testid="lang-switch"
    >
      {t('lang.switch')}
    </Button>
  );
  const logoutButton = (
    <Button
      type="text"
      style={{ color: phone ? undefined : '#fff' }}
      icon={<LogoutOutlined />}
      onClick={async () => {
        await logout();
        navigate('/login', { replace: true });
      }}
      data-testid="logout"
    >
      {t('logout')}
    </Button>
  );
  const menuKeys = [section === '/admin' ? location.pathname : selected];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        className="app-header"
        style={{ display: 'flex', alignItems: 'center', gap: phone ? 8 : 16, paddingInline: phone ? 8 : 20 }}
      >
        {phone ? (
          <Button
            type="text"
            style={{ color: '#fff' }}
            icon={<MenuOutlined />}
            onClick={() => setMenuOpen(true)}
            aria-label={lang === 'en' ? 'Menu' : '菜单'}
            data-testid="nav-menu-button"
          />
        ) : null}
        <Link to="/tasks" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('appName')}
          {phone ? null : (
            <span style={{ fontSize: 12, fontWeight: 400, marginLeft: 8, opacity: 0.75 }}>
              {t('appSubtitle')}
            </span>
          )}
        </Link>
        {phone ? (
          <div style={{ flex: 1 }} />
        ) : (
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={menuKeys}
            items={items}
            style={{ flex: 1, minWidth: 0 }}
            aria-label="主导航"
          />
        )}
        <Space size="middle" style={{ color: '#fff' }}>
          <NotificationBell />
          {phone ? null : (
            <>
              {userInfo}
              {langButton}
              {logoutButton}
            </>
          )}
        </Space>
      </Header>
      {phone ? (
        <Drawer
          open={menuOpen}
          placement="left"
          size={280}
          onClose={() => setMenuOpen(false)}
          title={userInfo}
          data-testid="nav-menu"
          styles={{ body: { padding: 0 } }}
        >
          <Menu mode="inline" selectedKeys={menuKeys} items={items} aria-label="主导航" />
          <Space orientation="vertical" style={{ padding: 12 }}>
            {langButton}
            {logoutButton}
          </Space>
        </Drawer>
      ) : null}
      <Content style={{ padding: phone ? 12 : 20 }}>
        <Suspense fallback={<Spin style={{ display: 'block', margin: 80 }} />}>
          {rolesReady ? <Outlet /> : <Spin style={{ display: 'block', margin: 80 }} />}
        </Suspense>
      </Content>
    </Layout>
  );
}
