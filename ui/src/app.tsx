/** @module ui/app: providers and routes; every page is its own lazy chunk so bpmn-js loads only where a diagram is shown. */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AccountGate, AuthProvider, useAuth } from './auth';
import { LocaleProvider, useLocale } from './i18n';
import { AppLayout } from './layout';
import { setMessageApi } from './lib';

const LoginPage = lazy(() => import('./pages/login/login-page'));
const AccountPage = lazy(() => import('./pages/account/account-page'));
const TasksPage = lazy(() => import('./pages/tasks/tasks-page'));
const StartedPage = lazy(() => import('./pages/started/started-page'));
const CcPage = lazy(() => import('./pages/cc/cc-page'));
const ProcessesPage = lazy(() => import('./pages/processes/processes-page'));
const InstancePage = lazy(() => import('./pages/instance/instance-page'));
const ModelerPage = lazy(() => import('./pages/modeler/modeler-page'));
const FlowDesignerPage = lazy(() => import('./flows/flow-designer-page'));
const FormsPage = lazy(() => import('./pages/forms/forms-page'));
const CatalogPage = lazy(() => import('./pages/catalog/catalog-page'));
const CatalogEntryPage = lazy(() => import('./pages/catalog/catalog-entry-page'));
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page'));
const BulletinPage = lazy(() => import('./pages/bulletins/bulletin-page'));
const AdminUsersPage = lazy(() => import('./pages/admin/users-page'));
const AdminUnitsPage = lazy(() => import('./pages/admin/units-page'));
const AdminCalendarPage = lazy(() => import('./pages/admin/calendar-page'));
const AuditPage = lazy(() => import('./pages/audit/audit-page'));

const fullPageSpin = <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking) return fullPageSpin;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** Hands antd's context-aware message API to the error helper used outside React components. */
function MessageBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setMessageApi(message), [message]);
  return null;
}

/**
 * Users who ask their system for less motion get antd without animations (dropdowns, drawers, messages appear at once).
 * Browser tests launch Chromium that way too, so a click never lands on a dropdown that is still sliding in.
 */
const REDUCED_MOTION =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useLocale();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1667d9', motion: !REDUCED_MOTION } }}
    >
      <AntApp>
        <MessageBridge />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Themed>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={fullPageSpin}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  path="/account"
                  element={
                    <RequireAuth>
                      <AccountPage />
                    </RequireAuth>
                  }
                />
                <Route
                  element={
                    <RequireAuth>
                      <AccountGate>
                        <AppLayout />
                      </AccountGate>
                    </RequireAuth>
                  }
                >
                  <Route index element={<Navigate to="/tasks" replace />} />
                  <Route path="/tasks" element={<TasksPage />} />
                  <Route path="/tasks/:taskId" element={<TasksPage />} />
                  <Route path="/started" element={<StartedPage />} />
                  <Route path="/cc" element={<CcPage />} />
                  <Route path="/processes" element={<ProcessesPage />} />
                  <Route path="/instances/:id" element={<InstancePage />} />
                  <Route path="/modeler" element={<ModelerPage />} />
                  <Route path="/modeler/:key" element={<ModelerPage />} />
                  <Route path="/flows/:key" element={<FlowDesignerPage />} />
                  <Route path="/forms" element={<FormsPage />} />
                  <Route path="/forms/:key" element={<FormsPage />} />
                  <Route path="/catalog" element={<CatalogPage />} />
                  <Route path="/catalog/:id" element={<CatalogEntryPage />} />
                  <Route path="/dashboard" element={<DashboardPage />} />
                  <Route path="/bulletins/:id" element={<BulletinPage />} />
                  <Route path="/admin/users" element={<AdminUsersPage />} />
                  <Route path="/admin/units" element={<AdminUnitsPage />} />
                  <Route path="/admin/calendar" element={<AdminCalendarPage />} />
                  <Route path="/audit" element={<AuditPage />} />
                  <Route path="*" element={<Navigate to="/tasks" replace />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </Themed>
    </LocaleProvider>
  );
}
