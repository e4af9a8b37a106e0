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

export async function backupDataDir(
  dataDir: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<number> {
  const dir = path.resolve(dataDir);
  if (isEmptyDir(dir))
    throw new CliError(`数据目录 ${dir} 不存在或为空，没有可备份的内容。(nothing to back up in ${dir})`);
  if (existsSync(file) && !options.force)
    throw new CliError(
      `备份文件 ${file} 已存在；覆盖请加 --force。(${file} exists: add --force to overwrite it)`,
    );
  refuseIfServing(dir);
  const pg = new PGlite(dir);
  try {
    await pg.waitReady;
    // A checkpoint first, so the tarball holds every committed page rather than relying on WAL replay.
    await pg.exec('CHECKPOINT');
    const tarball = await pg.dumpDataDir('gzip');
    const bytes = Buffer.from(await tarball.arrayBuffer());
    // Written beside the target and renamed: an interrupted backup never leaves a truncated file under the name.
    const tmp = `${file}.partial`;
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return bytes.length;
  } finally {
    await pg.close();
  }
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
