/** @module What every browser test file starts with: a listening test server on PGlite and Chromium, and the screenshots folder. */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { ComposeOptions } from '../compose';
import { launchBrowser } from './browser';
import { startListeningTestServer } from './test-server';

/** Kept as test artifacts (CI uploads them); docs/screenshots is written by scripts/screenshots.ts instead. */
export const ARTIFACTS = 'test-results/screenshots';

export type E2eServer = Awaited<ReturnType<typeof startListeningTestServer>>;

/** Both start side by side: each takes seconds (PGlite's WASM start, Chromium's launch). */
export async function startE2e(
  options: ComposeOptions = {},
): Promise<{ server: E2eServer; browser: Browser }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const [server, browser] = await Promise.all([startListeningTestServer('pglite', options), launchBrowser()]);
  return { server, browser };
}

/** For afterAll: either may be missing when its start failed. */
export async function closeE2e(server: E2eServer | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}
