/** @module ui/components/approval-record-person: a username shown as people know them, 周编目（县公安局）. */
import { useEffect, useState } from 'react';
import { personOf } from './approval-record-api';

/** The person's `name（unit）`; the username until it is known (or when no such user exists any more). */
export function PersonName({ username, testId }: { username: string | undefined | null; testId?: string }) {
  const [label, setLabel] = useState<string>();
  useEffect(() => {
    if (!username) return;
    let alive = true;
    personOf(username).then(
      (p) => alive && setLabel(p?.label),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [username]);
  if (!username) return <span data-testid={testId}>—</span>;
  return <span data-testid={testId}>{label ?? username}</span>;
}
