/**
 * @module ui/pages/tasks/actions/opinion: the opinion box's text per open task, shared by the actions panel (where
 * it is typed) and the drawer's form submit (同意 sends it with the variables), without the drawer holding it.
 */
import { useSyncExternalStore } from 'react';
import { approvals } from './api';

const opinions = new Map<string, string>();
const listeners = new Set<() => void>();

export function setOpinion(taskId: string, text: string) {
  opinions.set(taskId, text);
  for (const l of listeners) l();
}

export const opinionOf = (taskId: string) => opinions.get(taskId) ?? '';

export function useOpinion(taskId: string): [string, (text: string) => void] {
  const text = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => opinionOf(taskId),
  );
  return [text, (t: string) => setOpinion(taskId, t)];
}

/** 同意: the drawer's completion, with the opinion typed for this task; the box empties once it is sent. */
export async function completeWithOpinion(taskId: string, variables: Record<string, unknown>) {
  // A form with its own opinion field (the shipped ones: `comment`) has it written there: that is the opinion then.
  const inForm = [variables.comment, variables.opinion].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const res = await approvals.complete(taskId, variables, opinionOf(taskId).trim() || inForm);
  opinions.delete(taskId);
  return res;
}
