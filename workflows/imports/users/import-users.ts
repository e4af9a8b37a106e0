/**
 * @module The users workbook (sheet 用户: 用户名, 姓名, 单位代码, 角色): each new username becomes an account with a
 * one-time password (identity's createUser: unit, roles, 三员分立, audit), returned once in the commit's report.
 * A username that exists already is unchanged when its row matches; otherwise it is an error (an import creates
 * accounts; changing one is the users page's job, where the last administrator is protected).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { createUser } from '../../../identity/create-user';
import { roleIssues } from '../../../identity/role-fit';
import { isRoleKey, ROLE_KEYS, ROLES } from '../../../identity/roles';
import { userRoles, users } from '../../../identity/schema';
import { assertSeparationOfDuties } from '../../../identity/separation';
import { listUnitRows } from '../../../identity/units';
import type { DbOrTx } from '../../../platform/db/db';
import { isAppError } from '../../../platform/errors';
import type { Importer } from '../importer';
import { readSheet } from '../read-workbook';

export const USER_SHEET = '用户';
export const USER_HEADERS = ['用户名', '姓名', '单位代码', '角色'] as const;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
const MAX_NAME = 50;

/** A role by key (`unit.cataloguer`) or by its Chinese name (目录编制员). */
function roleKeyOf(text: string): string | undefined {
  if (isRoleKey(text)) return text;
  return ROLE_KEYS.find((k) => ROLES[k].name === text);
}

async function existingUsers(db: DbOrTx, usernames: string[]) {
  const out = new Map<string, { name: string; unitId: string; roles: string[] }>();
  for (let i = 0; i < usernames.length; i += 1000) {
    const rows = await db
      .select({ id: users.id, username: users.username, name: users.name, unitId: users.unitId })
      .from(users)
      .where(inArray(sql`lower(${users.username})`, usernames.slice(i, i + 1000)));
    for (const r of rows) {
      const roles = await db
        .select({ role: userRoles.role })
        .from(userRoles)
        .where(eq(userRoles.userId, r.id));
      out.set(r.username.toLowerCase(), {
        name: r.name,
        unitId: r.unitId,
        roles: roles.map((x) => x.role).sort(),
      });
    }
  }
  return out;
}

export const importUsers: Importer = async (db, workbook, ctx, issues) => {
  const rows = readSheet(workbook, { name: USER_SHEET, headers: USER_HEADERS }, issues);
  if (!rows) return undefined;
  const units = new Map((await listUnitRows(db)).map((u) => [u.id, u]));
  const existing = await existingUsers(db, rows.map((r) => r.values.用户名!.toLowerCase()).filter(Boolean));
  const seen = new Map<string, number>();
  const create: { username: string; name: string; unitId: string; roles: string[] }[] = [];
  let unchanged = 0;

  for (const { row, values } of rows) {
    let ok = true;
    const add = (column: string, message: string, messageEn: string) => {
      issues.add(USER_SHEET, row, column, message, messageEn);
      ok = false;
    };
    const username = values.用户名!;
    const name = values.姓名!;
    const unitId = values.单位代码!;
    if (!USERNAME.test(username))
      add(
        '用户名',
        username ? `用户名“${username}”格式不正确：2–40 位字母、数字、“.”“_”“-”` : '用户名不能为空',
        username
          ? `Username "${username}" must be 2-40 letters, digits, ".", "_" or "-"`
          : 'Username is required',
      );
    else {
      const first = seen.get(username.toLowerCase());
      if (first)
        add(
          '用户名',
          `用户名“${username}”在本文件中重复（第 ${first} 行已有）`,
          `Username "${username}" appears twice (row ${first})`,
        );
      else seen.set(username.toLowerCase(), row);
    }
    if (!name) add('姓名', '姓名不能为空', 'Name is required');
    else if (name.length > MAX_NAME)
      add('姓名', `姓名不能超过 ${MAX_NAME} 个字符`, `Name must be at most ${MAX_NAME} characters`);
    const unit = units.get(unitId);
    if (!unit)
      add(
        '单位代码',
        unitId ? `单位代码“${unitId}”不存在` : '单位代码不能为空',
        unitId ? `Unit code "${unitId}" does not exist` : 'Unit code is required',
      );
    else if (!unit.active)
      add(
        '单位代码',
        `单位“${unit.name}”已停用，不能新增用户`,
        `Unit "${unit.name}" is inactive and takes no new users`,
      );
    const roles: string[] = [];
    const roleTexts = values.角色!.split(/[,，、;；\s]+/).filter(Boolean);
    if (!roleTexts.length) add('角色', '角色不能为空', 'At least one role is required');
    for (const text of roleTexts) {
      const key = roleKeyOf(text);
      if (key) roles.push(key);
      else add('角色', `未知角色“${text}”`, `Unknown role "${text}"`);
    }
    if (unit) for (const i of roleIssues(roles, unit.kind)) add('角色', i.message, i.messageEn);
    try {
      assertSeparationOfDuties(roles);
    } catch (e) {
      if (!isAppError(e)) throw e;
      add('角色', e.message, e.messageEn);
    }
    if (!ok) continue;
    const sortedRoles = [...new Set(roles)].sort();
    const known = existing.get(username.toLowerCase());
    if (!known) {
      create.push({ username, name, unitId, roles: sortedRoles });
      continue;
    }
    if (known.name === name && known.unitId === unitId && known.roles.join() === sortedRoles.join())
      unchanged++;
    else
      issues.add(
        USER_SHEET,
        row,
        '用户名',
        `用户名“${username}”已存在且与本行不同：导入只新建账号，修改已有账号请到“用户管理”`,
        `Username "${username}" exists with other details: the import only creates accounts; edit existing ones on the users page`,
      );
  }
  return {
    rows: rows.length,
    created: create.length,
    updated: 0,
    unchanged,
    write: async (tx) => {
      const oneTimePasswords: { username: string; oneTimePassword: string }[] = [];
      for (const u of create) {
        const made = await createUser(tx, u, { actor: ctx.actor.username, ip: ctx.actor.ip ?? null });
        oneTimePasswords.push({ username: made.username, oneTimePassword: made.oneTimePassword });
      }
      return { oneTimePasswords };
    },
  };
};
