/**
 * @module Marks an embedded data folder as in use by a server process (`huiliu.pid` inside it), so backup, restore
 * and redeploy refuse to open a folder a running server owns: two PGlite instances on one folder corrupt it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'huiliu.pid';

/** The pid of a live server using `dataDir`, or undefined (a stale file of a crashed server is ignored). */
export function runningServerPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Claims the folder for this process; returns the release function (call it on stop). */
export function claimDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, FILE);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
