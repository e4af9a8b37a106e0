/** @module XState target strings: element ids may contain '.', which XState reads as a path separator unless escaped. */
export const esc = (key: string) => key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');
