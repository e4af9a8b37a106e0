/** @module drizzle-kit configuration: every schema module of the project, one migrations folder. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  casing: 'snake_case',
  // Each area owns its tables beside its store code; this list is the whole database.
  schema: ['./platform/**/schema.ts', './server/**/schema.ts', './identity/schema.ts', './engine/store/schema.ts', './forms/store/schema.ts', './workflows/**/schema.ts'],
  out: './platform/db/migrations',
});
