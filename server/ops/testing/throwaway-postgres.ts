/**
 * @module A PostgreSQL cluster of a test's own (initdb into a temp folder, run as the `postgres` user like .ci/run
 * does), so a test may stop and start it without disturbing the shared one.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './spawn-server';

/** The newest installed server binaries, or undefined when PostgreSQL is not installed or we cannot become postgres. */
export function postgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base) || process.getuid?.() !== 0) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  const bin = versions.map((v) => path.join(base, v, 'bin')).find((b) => existsSync(path.join(b, 'initdb')));
  return bin;
}

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

export async function throwawayPostgres(bin: string): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiliu-pg-'));
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), -1);
  const port = await freePort();
  const asPostgres = (cmd: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' });
  asPostgres('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust']);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -k ${dir} -c fsync=off`;
  const start = () =>
    asPostgres('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/log`, '-o', options, '-w', 'start']);
  const stop = () => asPostgres('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      try {
        asPostgres('pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
