/**
 * @module `npm run huiliu -- deploy workflows`: redeploys the shipped processes on purpose (start-up only deploys
 * keys that have no version). Identical files stay the same version; a changed file becomes the latest version.
 * On the embedded database, stop the server first: one PGlite folder has one owner at a time.
 */
import { createRuntime } from '../../engine/runtime';
import { rolePolicy } from '../../identity/roles';
import * as forms from '../../forms';
import { deployShippedWorkflows } from '../../workflows';
import { createLiveCalendar } from '../calendar/live-calendar';
import { openDatabase } from '../../platform/db/open-db';
import { loadConfig } from '../deps';
import { systemClock } from '../../platform/clock';

export async function deployWorkflowsCommand(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const calendar = createLiveCalendar();
    await calendar.reload(database.db);
    const runtime = createRuntime({ database, clock: systemClock, calendar, forms, roles: rolePolicy });
    for (const r of await deployShippedWorkflows(runtime, { force: true })) {
      const label = { deployed: '已部署新版本 deployed', unchanged: '未变化 unchanged', skipped: '跳过 skipped' }[r.action];
      console.log(`${r.key}: ${label} v${r.version ?? '?'}${r.missingForms.length ? ` (missing forms: ${r.missingForms.join(', ')})` : ''}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
