/**
 * @module The password policy (等保 2.0 身份鉴别: 口令复杂度): at least 10 characters, at least 3 of the 4 kinds
 * (lower case, upper case, digit, symbol), not containing the username, not the current password. The first rule
 * broken is named, in Chinese and English, so a person knows what to fix.
 */
import { AppError } from '../platform/errors';

export const MIN_PASSWORD_LENGTH = 10;

export interface PolicyIssue {
  rule: 'length' | 'kinds' | 'username' | 'same';
  message: string;
  messageEn: string;
}

const kindsOf = (p: string) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length;

/** The first rule `password` breaks, or undefined. `current` is the password being replaced, when known. */
export function passwordPolicyIssue(
  password: string,
  username: string,
  current?: string,
): PolicyIssue | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return {
      rule: 'length',
      message: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
      messageEn: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  }
  if (kindsOf(password) < 3) {
    return {
      rule: 'kinds',
      message: '密码需包含小写字母、大写字母、数字、符号中的至少三类',
      messageEn:
        'The password needs at least three of: lower-case letters, upper-case letters, digits, symbols',
    };
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return {
      rule: 'username',
      message: '密码不能包含用户名',
      messageEn: 'The password must not contain the username',
    };
  }
  if (current !== undefined && password === current) {
    return {
      rule: 'same',
      message: '新密码不能与当前密码相同',
      messageEn: 'The new password must differ from the current one',
    };
  }
  return undefined;
}

/** Throws 422 WEAK_PASSWORD naming the broken rule. */
export function assertPasswordPolicy(password: string, username: string, current?: string): void {
  const issue = passwordPolicyIssue(password, username, current);
  if (!issue) return;
  throw new AppError('WEAK_PASSWORD', `密码强度不足：${issue.message}`, {
    messageEn: `Weak password: ${issue.messageEn}`,
    details: [{ path: '/newPassword', rule: issue.rule, message: issue.message, messageEn: issue.messageEn }],
  });
}
