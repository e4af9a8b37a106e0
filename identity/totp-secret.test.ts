/** @module TOTP secrets at rest: sealed with HUILIU_DATA_KEY when set, readable in both forms. */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dataKeysFrom, installDataKeys } from '../platform/crypto/data-keys';
import { openSecret, sealSecret } from './totp-secret';

describe('TOTP secret at rest', () => {
  afterEach(() => installDataKeys({ old: [] }));

  it('given no data key, when sealed, then it is stored as is and read back', () => {
    expect(sealSecret('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('given HUILIU_DATA_KEY, when sealed, then the stored text hides the secret and opens to it; a plain one still reads', () => {
    installDataKeys(dataKeysFrom(randomBytes(32).toString('base64')));
    const stored = sealSecret('JBSWY3DPEHPK3PXP');
    expect(stored).toMatch(/^sealed:[0-9a-f]{16}:/);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(stored)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret('KRSXG5CTMVRXEZLU')).toBe('KRSXG5CTMVRXEZLU');
  });
});
