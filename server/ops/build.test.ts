/**
 * @module The production start: `scripts/build-server.mjs` bundles server.ts and cli.ts to plain JavaScript that runs
 * with node alone, finding the migrations, the shipped processes and ui/dist from the bundle's folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { call, login, ROOT, type ServerProcess, spawnServer } from './testing/spawn-server';

// A sibling of dist/ (same depth, so the bundle's relative paths to the sources hold), removed after.
const outdir = `dist-test-${randomBytes(3).toString('hex')}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'huiliu-build-'));
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(path.join(ROOT, outdir), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('given a build, when its CLI and server run under plain node, then migrations, shipped processes and the UI are found', async () => {
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    // The CLI: a shipped diagram validates (engine, moddle descriptors, JSON imports bundled right).
    const validated = execFileSync(
      process.execPath,
      [`${outdir}/cli.js`, 'validate', 'workflows/bulletin/process.bpmn'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(validated).toContain('ok');
    // The server, no TypeScript loader: a fresh embedded database is migrated and the shipped processes deployed.
    server = await spawnServer(
      { HUILIU_DATA_DIR: path.join(dataDir, 'data') },
      { entry: [`${outdir}/server.js`] },
    );
    await server.waitReady();
    const admin = await login(server.url, 'admin', 'huiliu-demo');
    const defs = await call(server.url, 'GET', '/api/process-definitions', { token: admin });
    expect(defs.status).toBe(200);
    const keys = (defs.body.items ?? defs.body).map((d: { key: string }) => d.key);
    expect(keys).toEqual(
      expect.arrayContaining(['catalog-registration', 'catalog-change', 'data-problem', 'bulletin']),
    );
    expect((await call(server.url, 'GET', '/')).body).toMatch(/<html/i);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 180_000);
});
