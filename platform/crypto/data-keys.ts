/**
 * @module Encryption at rest (等保 数据保密性): AES-256-GCM with the key in HUILIU_DATA_KEY (32 bytes, base64 or
 * hex). Every sealed value carries the id of its key (a hash of the key, never the key), so a rotation works:
 * the new key goes in HUILIU_DATA_KEY, the previous one in HUILIU_DATA_KEY_OLD, which only decrypts; values
 * are re-sealed with the new key when they are next written. GCM's tag makes a wrong key or altered bytes an
 * error, never garbage. The keys are process-wide: the server sets them once at start (installDataKeys).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface DataKey {
  /** 16 hex digits of sha256 over the key: names the key beside each ciphertext without revealing it. */
  id: string;
  key: Buffer;
}

export interface DataKeys {
  /** Seals new values; absent = encryption at rest is off (values are stored as they are). */
  current?: DataKey;
  /** Only opens values sealed before a rotation. */
  old: DataKey[];
}

/** A sealed value: what is stored. `data` = 12-byte IV ‖ 16-byte tag ‖ ciphertext. */
export interface Sealed {
  keyId: string;
  data: Buffer;
}

/** The data cannot be opened: its key is not configured, or the bytes or key are wrong. Never a partial value. */
export class DataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

/** Reads a 32-byte key written as 64 hex digits or as base64; throws with the variable's name when it is not. */
export function parseDataKey(text: string, variable = 'HUILIU_DATA_KEY'): DataKey {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(t) && !/^[A-Za-z0-9+/_-]+={0,2}$/.test(t))) {
    throw new DataKeyError(
      `${variable} 必须是 32 字节的密钥（64 位十六进制或 base64），例如 openssl rand -base64 32 的输出 ` +
        `(${variable} must be a 32-byte key, as 64 hex digits or base64, e.g. the output of openssl rand -base64 32)`,
    );
  }
  return { id: createHash('sha256').update('huiliu-data-key\0').update(key).digest('hex').slice(0, 16), key };
}

export function dataKeysFrom(current?: string, old?: string): DataKeys {
  return {
    ...(current ? { current: parseDataKey(current, 'HUILIU_DATA_KEY') } : {}),
    old: (old ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => parseDataKey(s, 'HUILIU_DATA_KEY_OLD')),
  };
}

let active: DataKeys = { old: [] };

export function installDataKeys(keys: DataKeys) {
  active = keys;
}

export const encryptionAtRest = (): boolean => active.current !== undefined;

/**
 * Seals `plain` with the current key, or returns undefined when encryption is off. `purpose` is bound into the
 * tag (associated data), so a value sealed as one kind cannot be passed off as another.
 */
export function seal(plain: Buffer, purpose: string, keys: DataKeys = active): Sealed | undefined {
  const k = keys.current;
  if (!k) return undefined;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { keyId: k.id, data: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

export function open(sealed: Sealed, purpose: string, keys: DataKeys = active): Buffer {
  const k = [keys.current, ...keys.old].find((x) => x?.id === sealed.keyId);
  if (!k) {
    throw new DataKeyError(
      `数据已加密，但未配置其密钥（密钥编号 ${sealed.keyId}）：请在 HUILIU_DATA_KEY 或 HUILIU_DATA_KEY_OLD 中提供该密钥 ` +
        `(the data is encrypted with key ${sealed.keyId}, which is configured in neither HUILIU_DATA_KEY nor HUILIU_DATA_KEY_OLD)`,
    );
  }
  if (sealed.data.length < 28) throw new DataKeyError('加密数据不完整 (the encrypted data is truncated)');
  try {
    const decipher = createDecipheriv('aes-256-gcm', k.key, sealed.data.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(sealed.data.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.data.subarray(28)), decipher.final()]);
  } catch {
    throw new DataKeyError(
      `解密失败：数据已被篡改或密钥不符（密钥编号 ${sealed.keyId}） (decryption failed: the data was altered or the key does not match, key ${sealed.keyId})`,
    );
  }
}

/** JSON values (catalog data items): sealed as `{keyId, data: base64}`, which fits in jsonb. */
export interface SealedJson {
  keyId: string;
  data: string;
}

export function sealJson(value: unknown, purpose: string, keys: DataKeys = active): SealedJson | undefined {
  const s = seal(Buffer.from(JSON.stringify(value)), purpose, keys);
  return s && { keyId: s.keyId, data: s.data.toString('base64') };
}

export function openJson(sealed: SealedJson, purpose: string, keys: DataKeys = active): unknown {
  return JSON.parse(
    open({ keyId: sealed.keyId, data: Buffer.from(sealed.data, 'base64') }, purpose, keys).toString(),
  );
}
