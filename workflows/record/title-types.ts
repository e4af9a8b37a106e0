/** @module What a per-process title builder sees: the instance's variables and its starter, already in words. */
import type { Vars } from '../../engine/contract';

export interface TitleInput {
  variables: Vars;
  /** `县公安局 周编目`: the starter's unit and name (absent for a timer start). */
  starter?: { name: string; unitName: string };
}

/** The business an instance is about, in one line (the task's name is shown beside it, so it is not repeated). */
export type TitleBuilder = (input: TitleInput) => string | undefined;

export const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** `…（县公安局 周编目）`: who the business came from. */
export const fromWhom = (input: TitleInput) =>
  input.starter ? `（${input.starter.unitName} ${input.starter.name}）` : '';

/** At most `max` characters, marked when cut. */
export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);
