/** @module ui/lib/notify: shows API errors with antd message; the message API comes from <App> so it follows the theme and locale. */
import type { App } from 'antd';
import { ApiError } from '../api';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

let api: MessageInstance | undefined;

export function setMessageApi(instance: MessageInstance): void {
  api = instance;
}

/** Shows the API's own (localized) message; anything else is a bug and is logged as well. */
export function showError(err: unknown): void {
  if ((err as Error)?.name === 'AbortError') return;
  const text = err instanceof ApiError ? err.message : String((err as Error)?.message ?? err);
  if (!(err instanceof ApiError)) console.error(err);
  api?.error(text);
}

export function showSuccess(text: string): void {
  api?.success(text);
}
