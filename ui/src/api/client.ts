/**
 * @module ui/api/client: one fetch wrapper for /api: the session cookie, Accept-Language, JSON, and typed errors.
 * The UI never holds the session token: the server's HttpOnly cookie carries it, so a script injected into a page
 * cannot read it (no localStorage, no Authorization header). API clients outside the browser still use the token.
 */
import type { ApiErrorBody } from './types';

/** An error answered by the API (or a network failure, status 0); `message` is the API's localized message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Where earlier versions kept the token; removed at start so none lingers in an upgraded browser. */
const LEGACY_TOKEN_KEY = 'huiliu.token';
try {
  globalThis.localStorage?.removeItem(LEGACY_TOKEN_KEY);
} catch {
  // storage disabled: nothing was stored either
}
let language: 'zh' | 'en' = 'zh';
let onUnauthenticated: (() => void) | undefined;

export function setApiLanguage(lang: 'zh' | 'en'): void {
  language = lang;
}

/** Called once by the auth provider: a 401 anywhere sends the user back to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Don't trigger the global 401 handler (login, the initial /me probe). */
  quiet401?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api') ? path : `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

/** The headers every /api call sends; the session itself travels in the HttpOnly cookie (same origin). */
export function authHeaders(): Record<string, string> {
  return { 'Accept-Language': language === 'en' ? 'en' : 'zh-CN' };
}

/** Turns a non-2xx response into an ApiError, using the API's `{error: {code, message, details}}` when present. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  const fallback =
    language === 'en' ? `Request failed (HTTP ${res.status})` : `请求失败（HTTP ${res.status}）`;
  return new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? fallback, e?.details);
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers = authHeaders();
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server' : '无法连接服务器');
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !opts.quiet401) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** Lists are `{items, ...}` per docs/api.md, but tolerate a bare array from routes that return one. */
export function itemsOf<T>(value: T[] | { items: T[] } | undefined | null): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : (value.items ?? []);
}

export function totalOf(value: unknown[] | { total?: number; items: unknown[] } | undefined | null): number {
  if (!value) return 0;
  return Array.isArray(value) ? value.length : (value.total ?? value.items?.length ?? 0);
}
