/** @module The processes huiliu ships: each BPMN with the forms it names, read from disk beside this file. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Process key → the form keys its BPMN references (start event and user tasks). */
export const SHIPPED_PROCESSES = {
  'catalog-registration': ['catalog-entry', 'unit-approval', 'authority-review'],
  'catalog-change': ['catalog-change-request', 'unit-approval', 'authority-review'],
  'data-problem': ['problem-report', 'problem-triage', 'problem-rectify', 'problem-verify'],
  bulletin: ['bulletin-review'],
} as const;

export type ShippedProcessKey = keyof typeof SHIPPED_PROCESSES;

export interface Resource {
  name: string;
  content: string;
}

export interface ShippedWorkflow {
  key: ShippedProcessKey;
  /** The BPMN first, then its forms, as `POST /api/deployments` takes them. */
  resources: Resource[];
  /** Forms named by the BPMN but not found on disk (the deployment would leave those tasks without a form). */
  missingForms: string[];
}

/** Finds a form file: in the process's folder, else any shipped folder (shared forms such as unit-approval live once). */
function findForm(key: string): string | undefined {
  for (const dir of Object.keys(SHIPPED_PROCESSES)) {
    const file = path.join(here, dir, `${key}.form.json`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Reads every shipped process from disk (the files are the source of truth; an admin edits copies, never these). */
export function shippedWorkflows(): ShippedWorkflow[] {
  return (Object.keys(SHIPPED_PROCESSES) as ShippedProcessKey[]).map((key) => {
    const resources: Resource[] = [
      { name: `${key}.bpmn`, content: readFileSync(path.join(here, key, 'process.bpmn'), 'utf8') },
    ];
    const missingForms: string[] = [];
    for (const form of SHIPPED_PROCESSES[key]) {
      const file = findForm(form);
      if (file) resources.push({ name: `${form}.form.json`, content: readFileSync(file, 'utf8') });
      else missingForms.push(form);
    }
    return { key, resources, missingForms };
  });
}
