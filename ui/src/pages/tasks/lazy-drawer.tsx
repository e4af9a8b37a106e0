/**
 * @module ui/pages/tasks/lazy-drawer: the task drawer as its own chunk (Descriptions, Timeline, Collapse, Result and
 * the form wrapper stay out of the inbox's first load). `loadDrawer` is for prefetching; a chunk that fails to load
 * (network drop, or a redeploy replaced it) shows a retry instead of taking the inbox down with it.
 */
import { Button, Space, Spin } from 'antd';
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { useLocale } from '../../i18n';
import type { TaskDrawerProps } from './task-drawer';

let loading: Promise<typeof import('./task-drawer')> | undefined;

export function loadDrawer() {
  loading ??= import('./task-drawer').catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

const makeLazy = () => lazy(() => loadDrawer().then((m) => ({ default: m.TaskDrawer })));
let Drawer = makeLazy();

/** Plain markup (not antd's Result, whose pictures would join the first load) for a failure that almost never shows. */
function Failed({ retry, onClose }: { retry: () => void; onClose: () => void }) {
  const { lang } = useLocale();
  return (
    <div
      role="alert"
      style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.45)', zIndex: 1000, display: 'grid', placeItems: 'center' }}
    >
      <div style={{ background: '#fff', borderRadius: 8, padding: 24, display: 'grid', gap: 16, justifyItems: 'center' }}>
        <span style={{ fontSize: 16 }}>{lang === 'en' ? 'The task could not be opened.' : '任务页面加载失败。'}</span>
        <Space>
          <Button type="primary" onClick={retry}>
            {lang === 'en' ? 'Retry' : '重试'}
          </Button>
          <Button onClick={onClose}>{lang === 'en' ? 'Close' : '关闭'}</Button>
        </Space>
      </div>
    </div>
  );
}

class Boundary extends Component<{ children: ReactNode; onClose: () => void }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  retry = () => {
    Drawer = makeLazy();
    this.setState({ failed: false });
  };
  render() {
    return this.state.failed ? (
      <Failed retry={this.retry} onClose={this.props.onClose} />
    ) : (
      this.props.children
    );
  }
}

export function LazyTaskDrawer(props: TaskDrawerProps) {
  return (
    <Boundary onClose={props.onClose}>
      <Suspense fallback={<Spin fullscreen data-testid="task-drawer-loading" />}>
        <Drawer {...props} />
      </Suspense>
    </Boundary>
  );
}
