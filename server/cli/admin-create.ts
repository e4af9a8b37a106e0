/**
 * @module `npm run huiliu -- admin create <username> --name <显示名> [--role security.admin|authority.admin|audit.admin]`:
 * a county's first account on an empty database (no demo data). The account goes into the authority unit with a
 * one-time password, printed once as `password: …` on stdout; the first login must change it and enrol a second
 * factor. On the embedded database the server must be stopped (one PGlite folder, one owner).
 */
import { createUser } from '../../identity/create-user';
import { AUTHORITY_UNIT_ID } from '../../identity/county-units';
import { seedUnits } from '../../identity/seed';
import { SYSTEM_ADMIN_ROLES } from '../../identity/separation';
import { openDatabase } from '../../platform/db/open-db';
import { isAppError } from '../../platform/errors';
import { loadConfig } from '../deps';
import { runningServerPid } from '../ops/data-dir-lock';

export const ADMIN_CREATE_USAGE =
  'admin create <username> --name <显示名> [--role security.admin|authority.admin|audit.admin]';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

interface Parsed {
  username: string;
  name: string;
  role: string;
}

/** The arguments, or a Chinese + English message saying what is wrong. */
export function parseAdminCreate(args: string[]): Parsed | string {
  const [sub, username, ...rest] = args;
  if (sub !== 'create' || !username || username.startsWith('--')) return `用法 usage: ${ADMIN_CREATE_USAGE}`;
  const opt = (flag: string) => {
    const i = rest.indexOf(flag);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const name = opt('--name')?.trim();
  const role = opt('--role') ?? 'security.admin';
  if (!USERNAME.test(username)) {
    return `用户名“${username}”无效：2–40 个字母、数字、点、下划线或连字符 (invalid username: 2-40 letters, digits, . _ -)`;
  }
  if (!name) return '请用 --name 给出显示名 (give the display name with --name)';
  if (name.length > 50) return '显示名最多 50 个字符 (the display name has at most 50 characters)';
  if (!(SYSTEM_ADMIN_ROLES as readonly string[]).includes(role)) {
    return `角色只能是 ${SYSTEM_ADMIN_ROLES.join('、')} 之一 (the role must be one of ${SYSTEM_ADMIN_ROLES.join(', ')})`;
  }
  return { username, name, role };
}

export async function adminCreateCommand(args: string[]): Promise<number> {
  const parsed = parseAdminCreate(args);
  if (typeof parsed === 'string') {
    console.error(parsed);
    return parsed.startsWith('用法') ? 2 : 1;
  }
  const config = loadConfig();
  if (!config.databaseUrl) {
    const owner = runningServerPid(config.dataDir);
    if (owner) {
      console.error(
        `数据目录 ${config.dataDir} 正由服务器进程 ${owner} 使用，请先停止服务器 (stop the server first: pid ${owner} uses the data folder)`,
      );
      return 1;
    }
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await seedUnits(database.db); // an empty database has no authority unit until the server first starts
    const created = await database.db.transaction((tx) =>
      createUser(
        tx,
        { username: parsed.username, name: parsed.name, unitId: AUTHORITY_UNIT_ID, roles: [parsed.role] },
        { actor: null, ip: 'cli' },
      ),
    );
    console.error(
      `已创建账号 ${created.username}（${parsed.role}）。下面是一次性密码，只显示这一次；首次登录须修改密码并绑定两步验证。`,
    );
    console.error(
      `Account ${created.username} (${parsed.role}) created. The one-time password below is shown once; the first login must change it and enrol a second factor.`,
    );
    console.log(`password: ${created.oneTimePassword}`);
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      console.error(`${e.message} (${e.messageEn})`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}
