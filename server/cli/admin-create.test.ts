/**
 * @module `npm run huiliu -- admin create`, spawned as an operator runs it: on an empty embedded folder (and on
 * PostgreSQL when DATABASE_URL is set) it makes the first account with a one-time password printed once; the same
 * name again exits 1 with a clear message; the account then logs in and must change the password and enrol.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/open-db';
import { composeServer } from '../compose';
import { login } from '../security/accounts-fixtures';
import { parseAdminCreate } from './admin-create';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const root = mkdtempSync(path.join(tmpdir(), 'huiliu-admin-create-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli.ts', ...args], {
      cwd: repo,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('parseAdminCreate', () => {
  it('given bad arguments, when parsed, then a Chinese message says what is wrong; the role defaults to security.admin', () => {
    expect(parseAdminCreate(['create', '.li', '--name', '李'])).toMatch(/用户名“\.li”无效/);
    expect(parseAdminCreate(['create', 'li.an'])).toMatch(/--name/);
    expect(parseAdminCreate(['create', 'li.an', '--name', '李安', '--role', 'supervisor'])).toMatch(
      /角色只能是/,
    );
    expect(parseAdminCreate(['make', 'li.an'])).toMatch(/^用法/);
    expect(parseAdminCreate(['create', 'li.an', '--name', '李安'])).toEqual({
      username: 'li.an',
      name: '李安',
      role: 'security.admin',
    });
  });
});

describe('admin create on an empty embedded folder', () => {
  const dataDir = path.join(root, 'data');

  it('given an empty folder, when run twice with one name, then the first prints the one-time password once and the second exits 1', async () => {
    const first = await runCli(['admin', 'create', 'zhang.an', '--name', '张安'], {
      HUILIU_DATA_DIR: dataDir,
    });
    expect(first.stderr).toMatch(/已创建账号 zhang\.an/);
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^password: \S{14}$/);
    const password = lines[0]!.slice('password: '.length);

    const again = await runCli(['admin', 'create', 'Zhang.An', '--name', '张安'], {
      HUILIU_DATA_DIR: dataDir,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/用户名“Zhang\.An”已被使用/);
    expect(again.stdout).not.toMatch(/password:/);

    // then: the server on that folder (no demo users) lets the account in, to change the password and enrol
    const database = await openDatabase({ dataDir });
    const ctx = await composeServer({ database, demo: false, startPollers: false });
    try {
      const res = await login(ctx, 'zhang.an', password);
      expect(res.status).toBe(200);
      const { user } = (await res.json()) as { user: Record<string, unknown> };
      expect(user).toMatchObject({
        unitId: 'dsj',
        roles: ['security.admin'],
        mustChangePassword: true,
        mustEnrolSecondFactor: true,
      });
      const users = await ctx.app.request('/api/admin/users', {
        headers: {
          authorization: `Bearer ${((await (await login(ctx, 'zhang.an', password)).json()) as { token: string }).token}`,
        },
      });
      expect(users.status).toBe(403);
    } finally {
      await ctx.close();
      await database.close();
    }
  }, 120_000);
});

describe.skipIf(!process.env.DATABASE_URL)('admin create on PostgreSQL', () => {
  it('given an empty PostgreSQL database, when run, then the account is created there with the given role', async () => {
    const pg = (await import('pg')).default;
    const base = process.env.DATABASE_URL!;
    const name = `huiliu_test_cli_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const run = await runCli(
        ['admin', 'create', 'wang.audit', '--name', '王审计', '--role', 'audit.admin'],
        {
          DATABASE_URL: url.toString(),
        },
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^password: \S{14}\n$/);
      const database = await openDatabase({ databaseUrl: url.toString() });
      try {
        const ctx = await composeServer({ database, demo: false, startPollers: false });
        const res = await login(ctx, 'wang.audit', run.stdout.trim().slice('password: '.length));
        expect(((await res.json()) as { user: { roles: string[] } }).user.roles).toEqual(['audit.admin']);
        await ctx.close();
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
