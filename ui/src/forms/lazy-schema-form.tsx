/**
 * @module ui/forms/lazy-schema-form: the SchemaForm every page uses, behind React.lazy: the renderer (rjsf, ajv,
 * ajv-i18n, our widgets; ~190 kB gzip) loads when a form first shows instead of with the page. Pages that will
 * probably show a form soon (the inbox) call `prefetchWhenIdle` so opening one stays instant.
 */
import { Button, Spin } from 'antd';
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { useLocale } from '../i18n';
import type { SchemaFormProps } from './schema-form';

type Module = typeof import('./schema-form');
let loading: Promise<Module> | undefined;

/** Starts (once) loading the renderer's chunk; a failed load is forgotten so the next call tries again. */
export function preloadSchemaForm(): Promise<Module> {
  loading ??= import('./schema-form').catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/**
 * Runs `loaders` (by default: the renderer) when the browser is next idle, after the page's own work, or within
 * `timeoutMs`; a failure is left for the real use to report. Returns a cancel function for an effect's cleanup.
 */
export function prefetchWhenIdle(
  loaders: Array<() => Promise<unknown>> = [preloadSchemaForm],
  timeoutMs = 2000,
): () => void {
  const run = () => {
    for (const load of loaders) load().catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 200);
  return () => window.clearTimeout(handle);
}

/** A fresh lazy component per attempt: React.lazy remembers a rejection for good, a retry must not. */
function makeLazy() {
  return lazy(() => preloadSchemaForm().then((m) => ({ default: m.SchemaForm })));
}
let LazyForm = makeLazy();

/** A chunk that fails to load (network drop, or a redeploy removed it) offers a retry instead of a blank drawer. */
class LoadBoundary extends Component<
  { children: ReactNode; fallback: (retry: () => void) => ReactNode },
  { failed: boolean }
> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  retry = () => {
    LazyForm = makeLazy();
    this.setState({ failed: false });
  };
  render() {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}

/** Plain markup, not antd's Alert: this wrapper is in every form page's first load, the failure almost never shows. */
function LoadFailed({ retry }: { retry: () => void }) {
  const { lang } = useLocale();
  return (
    <div
      role="alert"
      style={{ padding: '8px 12px', border: '1px solid #ffccc7', background: '#fff2f0', borderRadius: 8, display: 'flex', gap: 12, alignItems: 'center' }}
    >
      <span style={{ flex: 1 }}>{lang === 'en' ? 'The form could not be loaded.' : '表单组件加载失败。'}</span>
      <Button size="small" onClick={retry}>
        {lang === 'en' ? 'Retry' : '重试'}
      </Button>
    </div>
  );
}

export function SchemaForm(props: SchemaFormProps) {
  const fallback = (
    <div
      data-testid={`${props.testId ?? 'schema-form'}-loading`}
      style={{ padding: 24, textAlign: 'center' }}
    >
      <Spin />
    </div>
  );
  return (
    <LoadBoundary fallback={(retry) => <LoadFailed retry={retry} />}>
      <Suspense fallback={fallback}>
        <LazyForm {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
