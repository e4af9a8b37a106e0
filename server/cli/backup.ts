/**
 * @module `npm run huiliu -- backup <file>` / `restore <file> [--force]`: the embedded database (HUILIU_DATA_DIR)
 * to and from one gzipped tarball of its data folder (PGlite's dumpDataDir / loadDataDir). The server must be
 * stopped: one PGlite folder has one owner. On PostgreSQL use pg_dump / pg_restore (README "备份 / Backups").
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../deps';
import { runningServerPid } from '../ops/data-dir-lock';

export class CliError extends Error {}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

function refuseIfServing(dir: string) {
  const pid = runningServerPid(dir);
  if (pid)
    throw new CliError(
      `服务器（进程 ${pid}）正在使用 ${dir}，请先停止服务器。(the server, pid ${pid}, is using ${dir}: stop it first)`,
    );
}

/**
 * Free space the data folder's disk must have before the backup opens the database: its CHECKPOINT writes dirty pages
 * and may start a new 16 MB WAL segment. On a full disk PGlite's CHECKPOINT fails with 53100 and the next query on
 * that instance never returns, so a short disk is refused before the database is opened at all.
 */
export const DATA_HEADROOM_BYTES = 64 * 1024 * 1024;
/** Left free on the target's disk beyond the tarball itself, so the backup never fills it to the last byte. */
export const TARGET_HEADROOM_BYTES = 1024 * 1024;
/** How long the checkpoint and dump may take before the backup gives up with a message instead of hanging. */
export const BACKUP_TIMEOUT_MS = 5 * 60 * 1000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Bytes an unprivileged process may still write on the disk holding `dir` (or its nearest existing parent). */
function freeBytes(dir: string): number {
  let at = path.resolve(dir);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  const { bavail, bsize } = statfsSync(at);
  return bavail * bsize;
}

function refuseIfShort(dir: string, needed: number, what: string, whatEn: string) {
  const free = freeBytes(dir);
  if (free < needed)
    throw new CliError(
      `${what}所在磁盘空间不足：剩余 ${mb(free)}，至少需要 ${mb(needed)}；请先释放空间，未做任何备份。` +
        `(not enough space on the disk of ${whatEn} ${dir}: ${mb(free)} free, ${mb(needed)} needed; nothing was backed up)`,
    );
}

class Stuck extends CliError {}

/** `work` or, after `ms`, a Stuck error: a database that stopped answering must not hold the operator's shell forever. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Stuck(
            `备份超时（${Math.round(ms / 1000)} 秒内数据库未完成检查点和导出），未写入备份文件；请检查数据目录所在磁盘后重试。` +
              `(backup timed out after ${Math.round(ms / 1000)} s: the database did not finish its checkpoint and dump; nothing was written)`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function backupDataDir(
  dataDir: string,
  file: string,
  options: { force?: boolean; timeoutMs?: number } = {},
): Promise<number> {
  const dir = path.resolve(dataDir);
  const target = path.resolve(file);
  if (isEmptyDir(dir))
    throw new CliError(`数据目录 ${dir} 不存在或为空，没有可备份的内容。(nothing to back up in ${dir})`);
  if (existsSync(file) && !options.force)
    throw new CliError(
      `备份文件 ${file} 已存在；覆盖请加 --force。(${file} exists: add --force to overwrite it)`,
    );
  refuseIfServing(dir);
  // Both disks are checked before the database is opened: nothing below may run on a disk that cannot take it.
  refuseIfShort(dir, DATA_HEADROOM_BYTES, '数据目录', 'the data folder');
  refuseIfShort(path.dirname(target), TARGET_HEADROOM_BYTES, '备份目标目录', 'the backup folder');
  const pg = new PGlite(dir);
  let bytes: Buffer;
  try {
    bytes = await within(
      (async () => {
        await pg.waitReady;
        // A checkpoint first, so the tarball holds every committed page rather than relying on WAL replay.
        await pg.exec('CHECKPOINT');
        const tarball = await pg.dumpDataDir('gzip');
        return Buffer.from(await tarball.arrayBuffer());
      })(),
      options.timeoutMs ?? BACKUP_TIMEOUT_MS,
    );
  } catch (e) {
    // After a failed checkpoint the instance may never answer again: closing is tried, not waited on for ever.
    await within(pg.close(), 5000).catch(() => {});
    if (e instanceof CliError) throw e;
    throw new CliError(
      `备份失败：数据库未能完成检查点或导出，未写入备份文件。(backup failed: ${(e as Error).message}; nothing was written)`,
    );
  }
  await pg.close();
  // The tarball's size is known now: the target must take all of it (plus headroom) before a byte is written.
  refuseIfShort(
    path.dirname(target),
    bytes.length + TARGET_HEADROOM_BYTES,
    '备份目标目录',
    'the backup folder',
  );
  // Written beside the target and renamed: an interrupted backup never leaves a truncated file under the name.
  const tmp = `${target}.partial`;
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(
      `无法写入备份文件 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}；未留下不完整的文件。` +
        `(cannot write ${file}: ${(e as Error).message}; no partial file was left)`,
    );
  }
  return bytes.length;
}

export async function restoreDataDir(
  file: string,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<string | undefined> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new CliError(`备份文件 ${file} 不存在。(backup file ${file} not found)`);
  const dir = path.resolve(dataDir);
  refuseIfServing(dir);
  let setAside: string | undefined;
  if (!isEmptyDir(dir)) {
    if (!options.force)
      throw new CliError(
        `数据目录 ${dir} 不为空；覆盖请加 --force（原目录会被改名保留）。(${dir} is not empty: add --force; the old folder is kept aside)`,
      );
    setAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dir, setAside);
  }
  const staging = `${dir}.restoring`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const pg = new PGlite(staging, { loadDataDir: new Blob([readFileSync(file)]) });
    try {
      await pg.waitReady;
      // A backup of huiliu has applied migrations; anything else is not ours to restore.
      await pg.query('select 1 from drizzle.__drizzle_migrations limit 1');
    } finally {
      await pg.close().catch(() => {});
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (setAside) renameSync(setAside, dir);
    throw new CliError(
      `无法恢复：${file} 不是有效的汇流备份。(cannot restore: ${file} is not a huiliu backup: ${(e as Error).message})`,
    );
  }
  // The marker of the server that was running when the folder was copied means nothing here.
  rmSync(path.join(staging, 'huiliu.pid'), { force: true });
  // Only a fully loaded copy takes the folder's name: a failed restore leaves the old state as it was.
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return setAside;
}

function parse(args: string[]) {
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  return { file, force };
}

export async function backupCommand(args: string[]): Promise<number> {
  const { file, force } = parse(args);
  if (!file) return usageError('backup <file> [--force]');
  const config = loadConfig();
  if (config.databaseUrl) return postgresHint();
  try {
    const size = await backupDataDir(config.dataDir, file, { force });
    console.log(
      `已备份 ${path.resolve(config.dataDir)} → ${file}（${(size / 1024 / 1024).toFixed(1)} MB）(backed up)`,
    );
    return 0;
  } catch (e) {
    // A database stuck mid-checkpoint keeps its worker alive: the operator gets the message and the shell back.
    if (e instanceof Stuck) {
      console.error(e.message);
      process.exit(1);
    }
    return fail(e);
  }
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { file, force } = parse(args);
  if (!file) return usageError('restore <file> [--force]');
  const config = loadConfig();
  if (config.databaseUrl) return postgresHint();
  try {
    const aside = await restoreDataDir(file, config.dataDir, { force });
    console.log(
      `已恢复 ${file} → ${path.resolve(config.dataDir)} (restored)${aside ? `；原数据目录保留在 ${aside} (old folder kept)` : ''}`,
    );
    return 0;
  } catch (e) {
    return fail(e);
  }
}

function fail(e: unknown): number {
  if (e instanceof CliError) {
    console.error(e.message);
    return 1;
  }
  throw e;
}

function usageError(usage: string): number {
  console.error(`用法 usage: npm run huiliu -- ${usage}`);
  return 2;
}

function postgresHint(): number {
  console.error(
    'DATABASE_URL 已设置：PostgreSQL 请用 pg_dump / pg_restore（见 README）。(use pg_dump / pg_restore on PostgreSQL)',
  );
  return 2;
}
