/**
 * @module Composes the engine runtime with forms and the shipped workflows: form checks with reference
 * lookups, the workflows' job workers, deployment of the shipped processes, demo content, and the test-clock hook.
 */
import { createRuntime, type Runtime, type RuntimeUser } from '../engine/runtime';
import { defaultEngine } from '../engine/runtime/engine-port';
import { windDown } from '../engine/runtime/loop';
import * as forms from '../forms';
import {
  catalog,
  deployShippedWorkflows,
  registerWorkflowWorkers,
  seedDemoContent,
  workflowHooks,
} from '../workflows';
import { rolePolicy } from '../identity/roles';
import { withVariableRules } from '../workflows/variable-rules';
import type { LiveCalendar } from './calendar/live-calendar';
import type { AppDeps } from './deps';
import { attachmentAccessVia, attachmentHiddenVia } from './http/attachment-access';
import { unitsExist } from '../identity/store';

export interface EngineServices {
  runtime: Runtime;
  stop(): Promise<void>;
}

/** Form checks as the runtime calls them; reference keywords resolve against the caller's view of the data. */
function formValidator(deps: AppDeps) {
  return async (
    formKey: string,
    version: number | null,
    data: Record<string, unknown>,
    user: RuntimeUser | null,
  ) => {
    const { db } = deps;
    const actor = user ? { username: user.username, unitId: user.unitId, roles: user.roles } : undefined;
    const check = await forms.validateStoredForm(db, formKey, version, data, {
      refs: {
        unitExists: async (id) => (await unitsExist(db, [id])).has(id),
        catalogEntryVisible: async (id) => {
          if (!actor) return true;
          try {
            await catalog.getEntry(db, actor as never, id);
            return true;
          } catch {
            return false;
          }
        },
        attachmentOwned: async (id) => !user || forms.attachmentOwnedBy(db, id, user.username),
        // 唯一性 (x-unique: "catalog") is county-wide, whatever the caller may see
        valueTakenInCatalog: (field, value, except) => catalog.valueTakenInCatalog(db, field, value, except),
      },
    });
    return check.ok ? check : { ok: false as const, details: check.details };
  };
}

export async function composeEngine(
  deps: AppDeps,
  options: { startPollers: boolean; demo: boolean },
): Promise<EngineServices> {
  const calendar = deps.services.calendar as LiveCalendar;
  const validateForm = formValidator(deps);
  const runtime = createRuntime({
    database: deps.database,
    clock: deps.clock,
    calendar,
    forms,
    validateForm: validateForm as never,
    // Who is county-wide is identity's to say; each shipped process's start and completion rules are its workflow's.
    roles: rolePolicy,
    // What users may write into an instance comes first (protected and undeclared variables: 422), then the process's own rules.
    hooks: withVariableRules(workflowHooks),
    // Timed for /metrics (huiliu_engine_step_duration_seconds); the same engine otherwise.
    engine: deps.metrics?.instrumentEngine(defaultEngine),
  });
  registerWorkflowWorkers(runtime, { calendar, now: () => deps.clock.now() });
  const deployed = await deployShippedWorkflows(runtime);
  for (const d of deployed.filter((x) => x.action === 'deployed')) {
    deps.log?.info({ key: d.key, version: d.version }, `已部署流程 deployed ${d.key} v${d.version}`);
  }
  if (options.demo) {
    const seeded = await seedDemoContent({ database: deps.database, calendar, now: deps.clock.now(), forms });
    if (seeded.entries)
      deps.log?.info(seeded, `演示数据 demo content: ${seeded.entries} entries, ${seeded.problems} problems`);
  }
  deps.services.runtime = runtime;
  deps.services.attachmentAccess = attachmentAccessVia(runtime, deps.db);
  deps.services.attachmentHidden = attachmentHiddenVia(runtime, deps.db);
  // Field messages carry both languages (message, messageEn); the HTTP edge picks one per request.
  // The test clock: timers that became due fire, and the jobs they create run, before PUT /api/test/clock answers.
  deps.services.afterClockSet = async (now: Date) => {
    for (let round = 0; round < 20; round++) {
      const fired = await runtime.fireDueTimers(now);
      const ran = await runtime.runDueJobs();
      if (!fired && !ran) break;
    }
  };
  if (options.startPollers) await runtime.start();
  return {
    runtime,
    // Graceful stop: the pollers finish the job or timer in hand, hand back the rest of their claimed batch, end.
    async stop() {
      windDown(runtime.context);
      try {
        await runtime.stop();
      } finally {
        windDown(runtime.context, false);
      }
    },
  };
}
