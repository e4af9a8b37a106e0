/**
 * @module The huiliu command line. Subcommands dispatch on argv[2]; add one by adding an entry to `commands`.
 *   npm run huiliu -- compile <file.bpmn>      prints the machine JSON (paste into Stately's visualiser) or the errors
 *   npm run huiliu -- validate <files...>      reports every problem of every file; exit code 1 when any has errors
 *   npm run huiliu -- deploy workflows         redeploys the shipped processes (DATABASE_URL or HUILIU_DATA_DIR)
 *   npm run huiliu -- backup|restore <file>    the embedded database to / from one file (server stopped)
 *   npm run huiliu -- admin create <username> --name <显示名> [--role …]   the first account, one-time password
 */
import { readFileSync } from 'node:fs';
import { compileBpmn, type ValidationIssue } from './engine/index';

type Command = { usage: string; run(args: string[]): Promise<number> };

const format = (file: string, i: ValidationIssue) =>
  `${file}: ${i.severity === 'warning' ? 'warning' : 'error'} ${i.code} [${i.elementId ?? '-'}] ${i.message} (${i.messageEn})`;

const commands: Record<string, Command> = {
  deploy: {
    usage: 'deploy workflows',
    async run(args) {
      if (args[0] !== 'workflows') return usage();
      const { deployWorkflowsCommand } = await import('./server/cli/deploy-workflows');
      return deployWorkflowsCommand();
    },
  },
  admin: {
    usage: 'admin create <username> --name <显示名> [--role security.admin|authority.admin|audit.admin]',
    async run(args) {
      const { adminCreateCommand } = await import('./server/cli/admin-create');
      return adminCreateCommand(args);
    },
  },
  backup: {
    usage: 'backup <file> [--force]',
    async run(args) {
      const { backupCommand } = await import('./server/cli/backup');
      return backupCommand(args);
    },
  },
  restore: {
    usage: 'restore <file> [--force]',
    async run(args) {
      const { restoreCommand } = await import('./server/cli/backup');
      return restoreCommand(args);
    },
  },
  compile: {
    usage: 'compile <file.bpmn> [--process <id>]',
    async run(args) {
      const file = args[0];
      if (!file) return usage();
      const r = await compileBpmn(readFileSync(file, 'utf8'));
      if (!r.ok) {
        for (const i of r.issues) console.error(format(file, i));
        return 1;
      }
      for (const w of r.warnings) console.error(format(file, w));
      const pi = args.indexOf('--process');
      const wanted = pi >= 0 ? r.processes.filter((p) => p.processId === args[pi + 1]) : r.processes;
      const out =
        wanted.length === 1
          ? wanted[0].machine
          : Object.fromEntries(wanted.map((p) => [p.processId, p.machine]));
      console.log(JSON.stringify(out, null, 2));
      return 0;
    },
  },
  validate: {
    usage: 'validate <files...>',
    async run(files) {
      if (!files.length) return usage();
      let failed = 0;
      for (const file of files) {
        const r = await compileBpmn(readFileSync(file, 'utf8'));
        const issues = r.ok ? r.warnings : r.issues;
        for (const i of issues) console.log(format(file, i));
        if (r.ok) console.log(`${file}: ok (${r.processes.map((p) => p.processId).join(', ')})`);
        else failed++;
      }
      return failed ? 1 : 0;
    },
  },
};

function usage(): number {
  console.error(
    `usage: npm run huiliu -- <command>\n${Object.values(commands)
      .map((c) => `  ${c.usage}`)
      .join('\n')}`,
  );
  return 2;
}

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
process.exitCode = command ? await command.run(rest) : usage();
