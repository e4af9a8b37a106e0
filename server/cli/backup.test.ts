/** @module Backup and restore of the embedded database: a restored folder holds the same instances, tasks and catalog. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/open-db';
import { rawQuery } from '../../platform/db/raw';
import { composeServer } from '../compose';
import { backupDataDir, CliError, restoreDataDir } from './backup';

const root = mkdtempSync(path.join(tmpdir(), 'huiliu-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What a restore must bring back: instances, tasks and catalog entries with their states. */
async function snapshot(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    const q = (text: string) => rawQuery(database.db, text, []);
    return {
      instances: await q(`select id, process_key, status, version from process_instances order by id`),
      tasks: await q(`select id, instance_id, element_id, status from user_tasks order by id`),
      catalog: await q(`select id, code, status from catalog_entries order by id`),
    };
  } finally {
    await database.close();
  }
}

describe('backup and restore of the embedded database', () => {
  const source = path.join(root, 'data');
  const file = path.join(root, 'huiliu-backup.tar.gz');

  it('given a data folder with demo content, when backed up and restored into an empty folder, then it holds the same instances, tasks and catalog', async () => {
    // given: a server's folder with the demo catalog and problems (instances with open tasks)
    const database = await openDatabase({ dataDir: source });
    const ctx = await composeServer({ database, demo: true, demoContent: true, startPollers: false });
    await ctx.close();
    await database.close();
    const before = await snapshot(source);
    expect(before.instances.length).toBeGreaterThan(0);
    expect(before.tasks.length).toBeGreaterThan(0);
    expect(before.catalog.length).toBeGreaterThan(0);

    // when
    const size = await backupDataDir(source, file);
    expect(size).toBeGreaterThan(0);
    const target = path.join(root, 'restored');
    expect(await restoreDataDir(file, target)).toBeUndefined();

    // then
    expect(await snapshot(target)).toEqual(before);
  });

  it('given a non-empty folder, when restoring without --force, then it refuses and leaves the folder alone; with --force the old one is kept aside', async () => {
    const target = path.join(root, 'busy');
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'keep.txt'), 'x');
    await expect(restoreDataDir(file, target)).rejects.toThrow(/不为空.*--force/);
    const aside = await restoreDataDir(file, target, { force: true });
    expect(aside).toMatch(/busy\.before-restore-/);
    expect((await snapshot(target)).instances.length).toBeGreaterThan(0);
  });

  it('given a file that is not a backup, when restored, then a Chinese error and the target stays as it was', async () => {
    const junk = path.join(root, 'junk.tar.gz');
    writeFileSync(junk, 'not a tarball');
    const target = path.join(root, 'kept');
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'keep.txt'), 'x');
    const err = await restoreDataDir(junk, target, { force: true }).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(/不是有效的汇流备份/);
    expect(readdirSync(target)).toEqual(['keep.txt']);
    expect(readdirSync(root).filter((f) => f.startsWith('kept.'))).toEqual([]);
    await expect(restoreDataDir(path.join(root, 'missing.tar.gz'), target)).rejects.toThrow(/不存在/);
  });

  it('given an existing backup file or an empty folder, when backing up, then it refuses without --force', async () => {
    await expect(backupDataDir(source, file)).rejects.toThrow(/已存在.*--force/);
    await expect(backupDataDir(path.join(root, 'nothing'), path.join(root, 'x.tar.gz'))).rejects.toThrow(
      /不存在或为空/,
    );
  });

  it('given a database that does not answer in time, when backing up, then it gives up with a Chinese message and writes nothing', async () => {
    const target = path.join(root, 'slow.tar.gz');
    // when the checkpoint and dump may take 1 ms (opening alone takes longer)
    const err = await backupDataDir(source, target, { timeoutMs: 1 }).catch((e) => e);
    // then
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(/备份超时.*未写入备份文件.*timed out/);
    expect(readdirSync(root).filter((f) => f.startsWith('slow.'))).toEqual([]);
  });
});
