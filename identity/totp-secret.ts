/**
 * @module How a TOTP secret is kept at rest. The secret must be readable by the server (it computes codes), so it
 * cannot be hashed; it is meant to be sealed with HUILIU_DATA_KEY (AES-256-GCM, platform/crypto) once that exists.
 * Until then it is stored as is, behind the same database access as the password hashes. Sealed values will carry
 * a prefix, so both forms can be read during the change.
 */

export const sealSecret = (base32: string): string => base32;

export const openSecret = (stored: string): string => stored;
