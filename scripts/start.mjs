/** @module `npm start`: builds the UI when needed, then runs server.ts with tsx. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureUiBuilt, root } from './ui-build.mjs';

if (!ensureUiBuilt()) {
  console.error('[huiliu] 界面构建失败 UI build failed');
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
