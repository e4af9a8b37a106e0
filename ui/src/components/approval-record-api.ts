/** @module ui/components/approval-record-api: the approval record and people's names (docs/api.md, #17 extensions). */
import { request } from '../api';
import type { Schemas } from '../api/types';

// The shapes are the server's (generated from its zod schemas by `npm run gen:api`), not copies kept by hand.
export type RecordField = Schemas['RecordField'];
export type RecordLine = Schemas['RecordLine'];
export type Person = Schemas['Person'];

export const instanceRecord = (id: string) =>
  request<{ lines: RecordLine[] }>(`/process-instances/${encodeURIComponent(id)}/record`);
export const taskRecord = (id: string) =>
  request<{ lines: RecordLine[]; previous: RecordLine[]; round: number }>(
    `/tasks/${encodeURIComponent(id)}/record`,
  );

const people = new Map<string, Promise<Person | undefined>>();

/** A person's `name（unit）`, fetched once per username for the page's life. */
export function personOf(username: string): Promise<Person | undefined> {
  let found = people.get(username);
  if (!found) {
    found = request<{ items: Person[] }>('/people', { query: { usernames: username } }).then(
      (r) => r.items[0],
    );
    found.catch(() => people.delete(username));
    people.set(username, found);
  }
  return found;
}
