/**
 * @module hono's security headers with our Content-Security-Policy, on every response that does not set its own
 * (attachments and /api/docs do).
 * No inline script anywhere: the built UI loads only /assets/*.js, the docs page's one script is allowed by its
 * hash. Two allowances, on purpose:
 * - `style-src 'unsafe-inline'`: antd (CSS-in-JS) injects <style> elements and bpmn-js/echarts set style
 *   attributes; inline styles cannot run code, so this does not reopen script injection.
 * - `script-src 'unsafe-eval'`: ajv, the JSON-Schema validator @rjsf runs in the browser, compiles each form's
 *   schema into a function with `new Function`. It runs our own generated code; injected markup still cannot
 *   carry script (inline <script>, on* handlers and javascript: URLs stay refused).
 */
import { secureHeaders } from 'hono/secure-headers';

/** The UI's policy in hono's directive form; secureHeaders writes it as `default-src 'self'; script-src …`. */
const UI_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * hono's security headers with the UI's policy on every answer. `overwrite: false`: an answer that brings its own
 * policy (attachments, /api/docs) keeps it.
 */
export const securityHeaders = () => secureHeaders({ contentSecurityPolicy: UI_POLICY, overwrite: false });
