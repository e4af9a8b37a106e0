/** @module `npm test` runs this first: browser tests need the built UI (only rebuilt when sources changed). */
import { ensureUiBuilt } from './ui-build.mjs';

if (!ensureUiBuilt()) {
  console.error('[huiliu] UI build failed');
  process.exit(1);
}
