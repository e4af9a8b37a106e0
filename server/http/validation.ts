/** @module zod validation failures as docs/api.md's 400 shape, with Chinese (or English) messages per field. */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { errorBody } from './errors';
import { langOf, msg } from './i18n';

const zh = z.locales.zhCN();
const en = z.locales.en();

type Issue = z.core.$ZodIssue;

function issueMessage(issue: Issue, lang: 'zh' | 'en'): string {
  const field = issue.path.length ? issue.path.join('.') : '';
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined && /undefined/.test(issue.message)) {
    return lang === 'en' ? `${field} is required` : `「${field}」为必填项`;
  }
  const text = (lang === 'en' ? en : zh).localeError(issue as Parameters<typeof zh.localeError>[0]);
  const message = typeof text === 'string' ? text : (text?.message ?? issue.message);
  return field ? `${field}: ${message}` : message;
}

/** Used as the OpenAPIHono `defaultHook`: every route's zod failure answers the same way. */
export function validationHook(result: { success: boolean; error?: unknown; target?: string }, c: Context) {
  if (result.success) return;
  const lang = langOf(c);
  const issues = (result.error as z.ZodError).issues ?? [];
  const details = issues.map((i) => ({ path: `/${i.path.join('/')}`, message: issueMessage(i, lang) }));
  return c.json(errorBody('BAD_REQUEST', `${msg('VALIDATION', lang)}: ${details.map((d) => d.message).join('; ')}`, details), 400);
}
