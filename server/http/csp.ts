/**
 * @module Content-Security-Policy for every response that does not set its own (attachments and /api/docs do).
 * No inline script anywhere: the built UI loads only /assets/*.js, the docs page's one script is allowed by its
 * hash. Two allowances, on purpose:
 * - `style-src 'unsafe-inline'`: antd (CSS-in-JS) injects <style> elements and bpmn-js/echarts set style
 *   attributes; inline styles cannot run code, so this does not reopen script injection.
 * - `script-src 'unsafe-eval'`: ajv, the JSON-Schema validator @rjsf runs in the browser, compiles each form's
 *   schema into a function with `new Function`. It runs our own generated code; injected markup still cannot
 *   carry script (inline <script>, on* handlers and javascript: URLs stay refused).
 */
import type { MiddlewareHandler } from 'hono';

export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const contentSecurityPolicy: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', UI_CSP);
};
