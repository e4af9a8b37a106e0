/**
 * @module Demo accounts share a public password, so a server that has them listens on 127.0.0.1 only unless HOST is
 * set (docs/api.md "Demo data"): spawned as `npm start` runs it, on an empty embedded folder, it is unreachable on the
 * machine's other address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from '../ops/testing/spawn-server';

const outside = Object.values(networkInterfaces())
  .flat()
  .find((i) => i?.family === 'IPv4' && !i.internal)?.address;

describe.skipIf(!outside)('a server with demo users', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'huiliu-loopback-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given an empty embedded folder and no HOST, when it starts, then it answers on 127.0.0.1 and not on the machine’s other address', async () => {
    server = await spawnServer({ HOST: '', HUILIU_DATA_DIR: dataDir });
    await server.waitReady();
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
    await expect(fetch(`http://${outside}:${server.port}/healthz`)).rejects.toThrow();
    expect(server.output()).toMatch(/仅监听 127\.0\.0\.1/);
  }, 180_000);
});
