/** @module ui/forms/server-errors: a 422's `details: [{path, message}]` as an rjsf ErrorSchema, so each message shows on its field. */
import type { ErrorSchema } from '@rjsf/utils';
import { ApiError, type FieldIssue } from '../api';
import { splitPath } from './schema-paths';

export function toErrorSchema(issues: FieldIssue[]): ErrorSchema {
  const root: Record<string, any> = {};
  for (const issue of issues) {
    let node = root;
    for (const seg of splitPath(issue.path ?? '')) {
      node[seg] ??= {};
      node = node[seg];
    }
    node.__errors ??= [];
    node.__errors.push(issue.message);
  }
  return root as ErrorSchema;
}

/** The field issues inside an API error, if it is a validation failure (422 or 400 VALIDATION_FAILED). */
export function fieldIssuesOf(err: unknown): FieldIssue[] | undefined {
  if (!(err instanceof ApiError) || !(err.status === 422 || err.code === 'VALIDATION_FAILED')) return undefined;
  if (!Array.isArray(err.details)) return undefined;
  return (err.details as FieldIssue[]).filter((d) => d && typeof d.message === 'string');
}
