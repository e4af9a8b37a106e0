/** @module Request language (zh-CN by default, English on `Accept-Language: en`) and the server's own messages. */
import type { Context } from 'hono';

export type Lang = 'zh' | 'en';

export function langOf(c: Context): Lang {
  const header = c.req.header('accept-language') ?? '';
  // The first listed language decides; anything not English gets Chinese, the users' language.
  return /^\s*en\b/i.test(header) ? 'en' : 'zh';
}

/** Messages for errors the HTTP layer raises itself; domain modules carry their own zh/en pair in AppError. */
export const MESSAGES = {
  UNAUTHENTICATED: ['请先登录', 'Please log in'],
  BAD_CREDENTIALS: ['用户名或密码错误', 'Wrong username or password'],
  RATE_LIMITED: ['登录失败次数过多，请稍后再试', 'Too many failed logins, try again later'],
  FORBIDDEN: ['无权执行此操作', 'You are not allowed to do this'],
  NOT_FOUND: ['请求的资源不存在', 'Not found'],
  MALFORMED_JSON: ['请求体不是有效的 JSON', 'The request body is not valid JSON'],
  BAD_REQUEST: ['请求格式不正确', 'Malformed request'],
  VALIDATION: ['请求参数校验失败', 'Request validation failed'],
  PAYLOAD_TOO_LARGE: ['请求体过大', 'Request body too large'],
  INTERNAL: ['服务器内部错误，请联系管理员', 'Internal server error'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;
export const msg = (key: MessageKey, lang: Lang) => MESSAGES[key][lang === 'en' ? 1 : 0];
