/**
 * @module One-time passwords for new and reset accounts: random, readable (no 0/O, 1/l/I), and always meeting the
 * policy (all four kinds), so the first change is never refused because of the one-time password itself.
 */
import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '-_.+=#@';

const pick = (set: string) => set[randomInt(set.length)]!;

/** 14 characters, e.g. `Kp7-xwQ2.nfT4h`: about 80 bits. */
export function generateOneTimePassword(): string {
  const all = LOWER + UPPER + DIGITS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < 14) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
