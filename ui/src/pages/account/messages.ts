/** @module ui/pages/account/messages: the account page's and the login second step's zh/en strings (Chinese first). */
import { useLocale } from '../../i18n';

const zh = {
  'account.title': '我的账号',
  'account.back': '返回工作台',
  'account.logout': '退出登录',
  'account.mustChange': '这是管理员为您设置的一次性密码，请先修改密码再继续使用。',
  'account.mustEnrol': '管理员账号须绑定两步验证（TOTP 验证器），绑定后才能继续使用。',
  'password.title': '修改密码',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.policy':
    '密码要求：至少 10 个字符；包含小写字母、大写字母、数字、符号中的至少三类；不能包含用户名；不能与当前密码相同。',
  'password.mismatch': '两次输入的新密码不一致',
  'password.required': '请填写{field}',
  'password.submit': '修改密码',
  'password.done': '密码已修改，您在其他地方的登录已失效',
  'totp.title': '两步验证',
  'totp.enrolled': '已启用两步验证：登录时需要输入验证器上的 6 位数字（或一个恢复码）。',
  'totp.intro':
    '用验证器应用（如 Microsoft Authenticator、Google Authenticator 或 FreeOTP）扫描二维码，或手动输入密钥。',
  'totp.start': '开始绑定',
  'totp.secret': '密钥',
  'totp.url': '链接',
  'totp.code': '验证器显示的 6 位数字',
  'totp.confirm': '确认绑定',
  'totp.codeRule': '请输入 6 位数字',
  'totp.recoveryTitle': '恢复码（只显示这一次）',
  'totp.recoveryHint': '请抄写或打印并妥善保管。手机丢失时，每个恢复码可代替验证码登录一次。',
  'totp.copy': '复制全部恢复码',
  'totp.copied': '已复制',
  'totp.done': '我已保存恢复码，继续',
  'login.code': '两步验证码',
  'login.codeHint': '请输入验证器上的 6 位数字，或一个恢复码',
  'login.codeRequired': '请输入验证码或恢复码',
  'login.back': '换个账号',
} as const;

export type AccountKey = keyof typeof zh;

const en: Record<AccountKey, string> = {
  'account.title': 'My account',
  'account.back': 'Back to work',
  'account.logout': 'Log out',
  'account.mustChange': 'An administrator set this one-time password for you: change it before you continue.',
  'account.mustEnrol':
    'Administrator accounts must enrol a second factor (a TOTP authenticator) before they continue.',
  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.policy':
    'At least 10 characters; at least three of lower-case letters, upper-case letters, digits and symbols; not containing the username; not the current password.',
  'password.mismatch': 'The new passwords do not match',
  'password.required': 'Enter the {field}',
  'password.submit': 'Change password',
  'password.done': 'Password changed; your sessions elsewhere have ended',
  'totp.title': 'Two-step verification',
  'totp.enrolled':
    'Two-step verification is on: logging in asks for the 6 digits of your authenticator (or a recovery code).',
  'totp.intro':
    'Scan the QR code with an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP…) or type the secret.',
  'totp.start': 'Start enrolment',
  'totp.secret': 'Secret',
  'totp.url': 'Link',
  'totp.code': 'The 6 digits your authenticator shows',
  'totp.confirm': 'Confirm',
  'totp.codeRule': 'Enter 6 digits',
  'totp.recoveryTitle': 'Recovery codes (shown only now)',
  'totp.recoveryHint':
    'Write them down or print them and keep them safe. Each one logs you in once if you lose your phone.',
  'totp.copy': 'Copy all recovery codes',
  'totp.copied': 'Copied',
  'totp.done': 'I have saved the codes, continue',
  'login.code': 'Verification code',
  'login.codeHint': 'Enter the 6 digits of your authenticator, or a recovery code',
  'login.codeRequired': 'Enter a code or a recovery code',
  'login.back': 'Use another account',
};

export function accountTranslate(
  lang: 'zh' | 'en',
  key: AccountKey,
  vars: Record<string, string> = {},
): string {
  const text = lang === 'en' ? en[key] : zh[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

export function useAccountT() {
  const { lang } = useLocale();
  return (key: AccountKey, vars?: Record<string, string>) => accountTranslate(lang, key, vars);
}
