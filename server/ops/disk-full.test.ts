/**
 * @module A full disk under the embedded database (#14), for real: the data folder on a small tmpfs, filled by a file
 * beside it. Writes are refused with 507 STORAGE_FULL in Chinese (never a 500), reads go on, the process stays up, and
 * writes work again once space is freed; a process killed while the disk is full restarts, after space is freed, with
 * every acknowledged write. Mounting needs root (CI runs as root): required under CI, else skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, login, openReviewTasks, type ServerProcess, spawnServer } from './testing/spawn-server';

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
const reason = isRoot ? null : 'a tmpfs can only be mounted as root on Linux';
if (reason && process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
if (reason) console.warn(`[test] skipping the full-disk test: ${reason}`);

const password = `pw-${randomBytes(9).toString('hex')}`;
const mounted: string[] = [];

/** A writable tmpfs of `mb` megabytes, unmounted and removed after the file. */
function smallDisk(mb: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

/** Leaves about `leaveKb` of the disk free, with one file that can be removed to free it again. */
function fill(disk: string, leaveKb: number): string {
  const filler = path.join(disk, `filler-${randomBytes(3).toString('hex')}`);
  const { bavail, bsize } = statfsSync(disk);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leaveKb * 1024)));
  return filler;
}

describe.skipIf(reason !== null)('a full disk under the embedded database', () => {
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    for (const dir of mounted) {
      try {
        execFileSync('umount', [dir]);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given a server whose disk fills up, when it is asked to write, then 507 in Chinese, reads go on, and it writes again once space is freed; killed while full, it restarts with every acknowledged write', async () => {
    const disk = smallDisk(192);
    const env = {
      HUILIU_DATA_DIR: path.join(disk, 'data'),
      HUILIU_DEMO_PASSWORD: password,
      LOG_LEVEL: 'info',
    };
    server = await spawnServer(env);
    await server.waitReady();
    let url = server.url;
    let admin = await login(url, 'admin', password);
    const reviewer = await login(url, 'reviewer', password);
    const acknowledged = [...(await openReviewTasks(url, admin, reviewer, 5)).keys()];

    /** Starts instances, each with a note of random text, until one is refused; returns every status seen. */
    const writeUntilRefused = async (max: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < max; i++) {
        const r = await call(url, 'POST', '/api/process-instances', {
          token: admin,
          json: { processKey: 'ops-test', variables: { note: randomBytes(3000).toString('base64') } },
        });
        statuses.push(r.status);
        if (r.status === 201) acknowledged.push(r.body.id);
        if (r.status === 507) {
          expect(r.body.error.code).toBe('STORAGE_FULL');
          expect(r.body.error.message).toMatch(/磁盘空间已满.*未保存/);
          break;
        }
        if (r.status !== 201) break;
      }
      return statuses;
    };

    // when the disk is full
    let filler = fill(disk, 256);
    const first = await writeUntilRefused(2000);
    // then the write is refused as a full disk: no 500, no dropped connection, the process lives
    expect(first.at(-1)).toBe(507);
    expect(first.filter((s) => s !== 201 && s !== 507)).toEqual([]);
    expect(server.child.exitCode).toBe(null);
    // and it answers reads: the inbox, an acknowledged instance, readiness
    expect((await call(url, 'GET', '/api/tasks', { token: reviewer })).status).toBe(200);
    expect(
      (await call(url, 'GET', `/api/process-instances/${acknowledged[0]}`, { token: admin })).status,
    ).toBe(200);
    // and the log says what happened, with the request id
    // (the log reaches us on the child's pipe, possibly after the answer: give it a moment)
    const diskFullLogged = /数据库磁盘空间已满.*disk full.*No space left on device/;
    for (let waited = 0; !diskFullLogged.test(server.output()) && waited < 10_000; waited += 200)
      await new Promise((r) => setTimeout(r, 200));
    expect(server.output()).toMatch(diskFullLogged);

    // when space is freed, then the same process writes again
    rmSync(filler);
    const again = await call(url, 'POST', '/api/process-instances', {
      token: admin,
      json: { processKey: 'ops-test', variables: { note: 'after freeing space' } },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    acknowledged.push(again.body.id);

    /** Starts the server again on the same folder and checks that exactly the acknowledged instances are there, whole. */
    const restartAndCheck = async () => {
      server = await spawnServer(env);
      await server.waitReady();
      const token = await login(server.url, 'admin', password);
      const list = await call(server.url, 'GET', '/api/process-instances?processKey=ops-test&pageSize=1', {
        token,
      });
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(acknowledged.length);
      const reviewerNow = await login(server.url, 'reviewer', password);
      for (const id of acknowledged) {
        const tasks = await call(server.url, 'GET', `/api/tasks?scope=all&processInstanceId=${id}`, {
          token: reviewerNow,
        });
        expect(tasks.status).toBe(200);
        expect(tasks.body.items.map((t: { elementId: string }) => t.elementId)).toEqual(['review']);
      }
      return token;
    };

    // when the disk fills to the last byte and the process is stopped as for a restart (SIGTERM) while full
    filler = fill(disk, 0);
    expect((await writeUntilRefused(2000)).at(-1)).toBe(507);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    // and started again once space is freed, then every acknowledged write is there, whole, and nothing else
    rmSync(filler);
    admin = await restartAndCheck();

    // when it fills again and the process is killed (kill -9) while full, then the same after freeing and starting
    filler = fill(disk, 0);
    url = server.url;
    expect((await writeUntilRefused(2000)).at(-1)).toBe(507);
    await server.stop('SIGKILL');
    rmSync(filler);
    admin = await restartAndCheck();
    // and it writes
    const after = await call(server.url, 'POST', '/api/process-instances', {
      token: admin,
      json: { processKey: 'ops-test', variables: {} },
    });
    expect(after.status).toBe(201);
  }, 300_000);
});
