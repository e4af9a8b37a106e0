/**
 * @module What a user may write into an instance (issue #15 "variables"). Variables the engine sets (`initiator*`)
 * and those each shipped workflow's workers set or route by (SYSTEM_VARIABLES) can never come from a start or a
 * completion: 422 naming the field. Through a form, only the fields its schema declares (forms `declaredFields`)
 * may be written: a designer-built form without `additionalProperties: false` no longer lets a user add
 * `sourceUnitId`. A start or task without a form keeps taking other variables (API clients and form-less diagrams
 * pass data that way); output mappings are not consulted. Applied as runtime hooks, before the workflow's own.
 */
import type { CompleteCheck, RuntimeHooks, StartCheck } from '../engine/runtime';
import { getDefinition, latestDefinitionId } from '../engine/store';
import { declaredFields, getForm } from '../forms';
import type { DbOrTx } from '../platform/db/db';
import { AppError } from '../platform/errors';

/** The engine's own: who started the instance and from which unit (notifications and `=initiator` assignments). */
const isEngineVariable = (name: string) => name.startsWith('initiator');

/**
 * Per shipped process: what its workers and scripts set (workflows/README.md's table), and the ids later steps
 * route by. A user-facing form of that process must not declare one of these (a test checks the shipped forms).
 */
export const SYSTEM_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  'catalog-registration': ['catalogEntryId', 'returns'],
  'catalog-change': [
    'entryCode',
    'resourceName',
    'entryUnitId',
    'baseVersion',
    'currentFields',
    'fieldChanges',
    'changeTypeName',
    'entryVersion',
    'entryStatus',
    'returns',
  ],
  'data-problem': [
    'sourceUnitId',
    'sourceUnitName',
    'entryCode',
    'resourceName',
    'rounds',
    'outcome',
    'rectifyDueAt',
    'overdue',
    'overdueWorkdays',
  ],
  bulletin: ['bulletinId', 'bulletinTitle', 'periodFrom', 'periodTo', 'totals', 'bulletinStatus'],
};

export function isSystemVariable(processKey: string, name: string): boolean {
  return (
    isEngineVariable(name) ||
    (Object.hasOwn(SYSTEM_VARIABLES, processKey) && SYSTEM_VARIABLES[processKey].includes(name))
  );
}

type Issue = { path: string; field: string; message: string; messageEn: string };

function refuse(issues: Issue[]): never {
  throw new AppError('VALIDATION_FAILED', '提交的数据含有不允许填写的字段', {
    messageEn: 'The submitted data contains fields that may not be written',
    details: issues,
  });
}

const ptr = (name: string) => `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

type Declared = ReturnType<typeof declaredFields>;

/** Protected names first (whatever the form), then names the form does not declare. */
function check(processKey: string, variables: Record<string, unknown>, declared: Declared | undefined) {
  const issues: Issue[] = [];
  for (const name of Object.keys(variables)) {
    if (isSystemVariable(processKey, name))
      issues.push({
        path: ptr(name),
        field: name,
        message: `「${name}」由系统设置，不能由用户填写`,
        messageEn: `${name} is set by the system and may not be written by a user`,
      });
    else if (declared && !declared.any && !declared.fields.includes(name))
      issues.push({
        path: ptr(name),
        field: name,
        message: `「${name}」不是此表单的字段`,
        messageEn: `${name} is not a field of this form`,
      });
  }
  if (issues.length > 0) refuse(issues);
}

// A saved form version never changes: its declared fields are read once per database (bounded), off every
// completion's path. Per database, since two test databases in one process may hold different forms as key@1.
const declaredByDb = new WeakMap<object, Map<string, Promise<Declared | undefined>>>();

function formFields(db: DbOrTx, key: string | null | undefined, version: number | null | undefined) {
  if (!key) return Promise.resolve(undefined);
  const read = async () => {
    const form = await getForm(db, key, version ?? undefined);
    return form ? declaredFields(form.schema) : undefined;
  };
  if (version == null) return read(); // "the latest" moves: not cached
  const id = `${key}@${version}`;
  const cache = declaredByDb.get(db) ?? new Map<string, Promise<Declared | undefined>>();
  declaredByDb.set(db, cache);
  let hit = cache.get(id);
  if (!hit) {
    hit = read();
    hit.catch(() => cache.delete(id));
    if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
    cache.set(id, hit);
  }
  return hit;
}

// The start form of a definition never changes (versions are immutable): looked up once per definition.
const startForms = new Map<string, Promise<{ key?: string; version?: number }>>();

async function startFormOf(db: DbOrTx, processKey: string) {
  const id = await latestDefinitionId(db, processKey);
  if (!id) return {};
  let hit = startForms.get(id);
  if (!hit) {
    hit = getDefinition(db, id).then((d) => {
      const key = d?.compiled.info.startFormKey;
      return key ? { key, version: d?.formBindings[key] } : {};
    });
    hit.catch(() => startForms.delete(id));
    if (startForms.size >= 500) startForms.delete(startForms.keys().next().value as string);
    startForms.set(id, hit);
  }
  return hit;
}

export async function checkStartVariables({ db, processKey, variables }: StartCheck) {
  const form = await startFormOf(db, processKey);
  check(processKey, variables, await formFields(db, form.key, form.version));
}

export async function checkCompletionVariables({ db, task, variables }: CompleteCheck) {
  check(task.processKey, variables, await formFields(db, task.formKey, task.formVersion));
}

/** The runtime's hooks with these rules first: after the form has spoken, before the workflow's own checks. */
export function withVariableRules(hooks: RuntimeHooks): RuntimeHooks {
  return {
    ...hooks,
    async checkBeforeStart(c) {
      await checkStartVariables(c);
      await hooks.checkBeforeStart?.(c);
    },
    async checkBeforeComplete(c) {
      await checkCompletionVariables(c);
      await hooks.checkBeforeComplete?.(c);
    },
  };
}
