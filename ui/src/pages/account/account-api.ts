/** @module ui/pages/account/account-api: the signed-in person's own account (docs/api.md "Accounts and first start"). */
import { request } from '../../api';

export const account = {
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/me/password', { method: 'POST', body: { currentPassword, newPassword } }),
  startTotp: () => request<{ secret: string; otpauthUrl: string }>('/me/totp', { method: 'POST' }),
  confirmTotp: (code: string) =>
    request<{ recoveryCodes: string[] }>('/me/totp/confirm', { method: 'POST', body: { code } }),
};

/** The secret in groups of four, as people type it into an authenticator. */
export const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;
