/**
 * @module How a TOTP secret is kept at rest. The server must read it (it computes codes), so it cannot be hashed:
 * with HUILIU_DATA_KEY set it is sealed with AES-256-GCM (platform/crypto) as `sealed:<keyId>:<base64>`; without a
 * key it is stored as is (the server says at start that encryption at rest is off). Both forms are read, so
 * turning the key on later keeps existing enrolments working; they are sealed when next written.
 */
import { open, seal } from '../platform/crypto/data-keys';

const PREFIX = 'sealed:';
const PURPOSE = 'identity.totp-secret';

export function sealSecret(base32: string): string {
  const sealed = seal(Buffer.from(base32), PURPOSE);
  return sealed ? `${PREFIX}${sealed.keyId}:${sealed.data.toString('base64')}` : base32;
}

export function openSecret(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [keyId, data] = stored.slice(PREFIX.length).split(':');
  return open({ keyId: keyId!, data: Buffer.from(data ?? '', 'base64') }, PURPOSE).toString();
}
