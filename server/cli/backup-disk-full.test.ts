/**
 * @module `backup` on a full disk (#14), for real on small tmpfs disks: a target folder that cannot take the tarball is
 * refused in Chinese with English, exit code 1, and no partial file; a data folder on a full disk is refused before the
 * database is opened (PGlite's CHECKPOINT fails there with 53100 and the next query never returns), and backs up once
 * space is freed. Mounting needs root (CI runs as root): required under CI, else skipped with the reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/open-db';
import { backupDataDir, CliError, DATA_HEADROOM_BYTES, TARGET_HEADROOM_BYTES } from './backup';

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
const reason = isRoot ? null : 'a tmpfs can only be mounted as root on Linux';
if (reason && process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
if (reason) console.warn(`[test] skipping the backup full-disk test: ${reason}`);

const repo = path.resolve(import.meta.dirname, '../..');
const root = mkdtempSync(path.join(tmpdir(), 'huiliu-backup-full-'));
const mounted: string[] = [];

/** A writable tmpfs of `mb` megabytes, unmounted and removed after the file. */
function smallDisk(mb: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

/** Leaves about `leaveBytes` of the disk free, with one file that can be removed to free it again. */
function fill(disk: string, leaveBytes: number): string {
  const filler = path.join(disk, `filler-${randomBytes(3).toString('hex')}`);
  const { bavail, bsize } = statfsSync(disk);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leaveBytes)));
  return filler;
}

/** The real command, as an operator runs it: `npm run huiliu -- backup <file>` on HUILIU_DATA_DIR. */
function cliBackup(dataDir: string, file: string) {
  // Without DATABASE_URL: the backup command is the embedded database's (PostgreSQL has pg_dump).
  const env: NodeJS.ProcessEnv = { ...process.env, HUILIU_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli.ts', 'backup', file], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stderr: r.stderr };
}

describe.skipIf(reason !== null)('backup on a full disk', () => {
  const source = path.join(root, 'data');
  let tarballBytes = 0;

  afterAll(() => {
    for (const dir of mounted) {
      try {
        execFileSync('umount', [dir]);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('given a target folder too small for the tarball, when backing up, then it is refused in Chinese, exit code 1, and no file is left there', async () => {
    // given a migrated database and the size of its tarball
    await (await openDatabase({ dataDir: source })).close();
    tarballBytes = await backupDataDir(source, path.join(root, 'reference.tar.gz'));
    expect(tarballBytes).toBeGreaterThan(0);

    // when the target disk is full to the last few kilobytes
    const full = smallDisk(16);
    fill(full, 16 * 1024);
    const err = await backupDataDir(source, path.join(full, 'b.tar.gz')).catch((e) => e);
    // then refused before anything was opened or written
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(/备份目标目录所在磁盘空间不足.*未做任何备份.*not enough space/);
    expect(readdirSync(full).filter((f) => !f.startsWith('filler-'))).toEqual([]);

    // when the target has some room, but less than the tarball: refused once the tarball's size is known
    const short = smallDisk(64);
    fill(short, Math.floor(tarballBytes / 2) + 2 * 1024 * 1024);
    const room = statfsSync(short).bavail * statfsSync(short).bsize;
    expect(room).toBeGreaterThan(TARGET_HEADROOM_BYTES);
    expect(room).toBeLessThan(tarballBytes + TARGET_HEADROOM_BYTES);
    const target = path.join(short, 'nested', 'b.tar.gz');
    const r = cliBackup(source, target);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/备份目标目录所在磁盘空间不足.*至少需要.*not enough space/);
    expect(readdirSync(short).filter((f) => !f.startsWith('filler-'))).toEqual([]);
  }, 180_000);

  it('given a data folder on a full disk, when backing up, then it is refused before the database is opened, and backs up once space is freed', async () => {
    // given a database whose disk has less free than a checkpoint may need
    const disk = smallDisk(192);
    const dataDir = path.join(disk, 'data');
    await (await openDatabase({ dataDir })).close();
    const filler = fill(disk, DATA_HEADROOM_BYTES / 4);
    const target = path.join(root, 'from-full.tar.gz');
    const before = readdirSync(dataDir).sort();

    // when, then: refused at once with the reason (no CHECKPOINT ran: it would fail with 53100 and hang the next query)
    const r = cliBackup(dataDir, target);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /数据目录所在磁盘空间不足.*请先释放空间.*未做任何备份.*not enough space on the disk of the data folder/,
    );
    expect(readdirSync(root).filter((f) => f.startsWith('from-full'))).toEqual([]);
    // and the folder was not opened: PGlite would have left its postmaster.pid behind or touched the WAL
    expect(readdirSync(dataDir).sort()).toEqual(before);

    // when space is freed, then the same folder backs up
    rmSync(filler);
    expect(await backupDataDir(dataDir, target)).toBeGreaterThan(0);
  }, 180_000);
});
