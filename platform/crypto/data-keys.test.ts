/** @module Tests of the data keys: key formats, sealing round trip, rotation, and clear errors instead of garbage. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataKeyError, dataKeysFrom, open, openJson, parseDataKey, seal, sealJson } from './data-keys';

const hexKey = randomBytes(32).toString('hex');
const b64Key = randomBytes(32).toString('base64');

describe('data keys', () => {
  it('given a 32-byte key as hex or base64, when parsed, then the same bytes come out with a stable id', () => {
    expect(parseDataKey(hexKey).key.toString('hex')).toBe(hexKey);
    expect(parseDataKey(b64Key).key.toString('base64')).toBe(b64Key);
    expect(parseDataKey(hexKey).id).toBe(parseDataKey(hexKey.toUpperCase()).id);
    expect(parseDataKey(hexKey).id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('given a short or malformed key, when parsed, then refused naming the variable', () => {
    expect(() => parseDataKey('abc')).toThrow(/HUILIU_DATA_KEY 必须是 32 字节的密钥/);
    expect(() => parseDataKey(randomBytes(16).toString('base64'))).toThrow(DataKeyError);
    expect(() => dataKeysFrom(hexKey, 'nope')).toThrow(/HUILIU_DATA_KEY_OLD/);
  });

  it('given a key, when a value is sealed and opened, then the bytes differ from the plaintext and come back whole', () => {
    const keys = dataKeysFrom(hexKey);
    const plain = Buffer.from('公民身份号码 110101199001011234');
    const sealed = seal(plain, 'test', keys)!;
    expect(sealed.keyId).toBe(keys.current!.id);
    expect(sealed.data.includes(plain)).toBe(false);
    expect(open(sealed, 'test', keys).toString()).toBe(plain.toString());
    // a fresh IV each time: equal plaintexts do not give equal ciphertexts
    expect(seal(plain, 'test', keys)!.data.equals(sealed.data)).toBe(false);
    expect(openJson(sealJson({ a: 1 }, 'json', keys)!, 'json', keys)).toEqual({ a: 1 });
  });

  it('given no key, when sealing, then nothing is sealed (encryption off)', () => {
    expect(seal(Buffer.from('x'), 'test', dataKeysFrom())).toBeUndefined();
  });

  it('given a rotation, when the previous key is in HUILIU_DATA_KEY_OLD, then old values open and new ones use the new key', () => {
    const before = dataKeysFrom(hexKey);
    const sealed = seal(Buffer.from('旧值'), 'test', before)!;
    const after = dataKeysFrom(b64Key, hexKey);
    expect(open(sealed, 'test', after).toString()).toBe('旧值');
    expect(seal(Buffer.from('新值'), 'test', after)!.keyId).toBe(after.current!.id);
  });

  it('given a missing key, another purpose or altered bytes, when opened, then a clear error, never garbage', () => {
    const keys = dataKeysFrom(hexKey);
    const sealed = seal(Buffer.from('秘密'), 'test', keys)!;
    expect(() => open(sealed, 'test', dataKeysFrom(b64Key))).toThrow(/未配置其密钥（密钥编号 [0-9a-f]{16}）/);
    expect(() => open(sealed, 'other', keys)).toThrow(/解密失败：数据已被篡改或密钥不符/);
    const altered = Buffer.from(sealed.data);
    altered[altered.length - 1] ^= 1;
    expect(() => open({ ...sealed, data: altered }, 'test', keys)).toThrow(DataKeyError);
    // the same id with other key bytes (a key replaced in place) is an error too
    const forged = { current: { id: keys.current!.id, key: randomBytes(32) }, old: [] };
    expect(() => open(sealed, 'test', forged)).toThrow(/解密失败/);
  });
});
