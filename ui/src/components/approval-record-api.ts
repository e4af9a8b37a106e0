/** @module ui/components/approval-record-api: the approval record and people's names (docs/api.md, #17 extensions). */
import { request } from '../api';

export interface RecordField {
  key: string;
  label: string;
  labelEn?: string;
  text: string;
  attachments?: string[];
}

export interface RecordLine {
  at: string;
  kind: string;
  action: string;
  actionEn: string;
  tone: 'submit' | 'approve' | 'return' | 'reject' | 'neutral';
  actor?: string;
  actorLabel?: string;
  step?: string;
  elementId?: string;
  taskId?: string;
  round?: number;
  opinion?: string;
  targets?: string[];
  fields: RecordField[];
}

export interface Person {
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  label: string;
}

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
