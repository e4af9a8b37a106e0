/**
 * @module Who may start which process. The shipped processes name their starters in PROCESSES.md; a process an
 * administrator adds is open to every logged-in user until it names starters (a later issue: a zeebe property).
 */
import type { SessionUser } from '../identity/store';

const STARTERS: Record<string, string[]> = {
  'catalog-registration': ['unit.cataloguer'],
  'catalog-change': ['unit.cataloguer'],
  'data-problem': ['unit.feedback'],
  // The bulletin starts from its monthly timer; governance may also start one by hand.
  bulletin: ['authority.governance'],
};

export function canStartProcess(user: SessionUser, processKey: string): boolean {
  if (user.roles.includes('authority.admin')) return true;
  const starters = STARTERS[processKey];
  return !starters || user.roles.some((r) => starters.includes(r));
}
