/** @module Notifications of the approval acts (转办, 委派, 交还, 催办, 抄送) to the people each concerns. */
import type { DbOrTx } from '../../platform/db/db';
import { sendNotification } from '../../workflows/notifications';
import { instanceTitles, peopleLabels } from '../../workflows/record';

export interface ActNotice {
  /** Usernames; the actor is never notified of their own act. */
  to: (string | null | undefined)[];
  actor: string;
  title: string;
  comment?: string;
  instanceId: string;
  /** The task the notice is about (its page); else the instance's. */
  taskId?: string;
  kind: string;
}

export async function notifyAct(db: DbOrTx, n: ActNotice): Promise<void> {
  const to = [...new Set(n.to.filter((u): u is string => !!u && u !== n.actor))];
  if (to.length === 0) return;
  // What it is about and who did it, as people say it (#17): the instance's title, the actor's name and unit.
  const about = (await instanceTitles(db, [n.instanceId])).get(n.instanceId);
  const who = (await peopleLabels(db, [n.actor])).get(n.actor)?.label ?? n.actor;
  await sendNotification(
    db,
    to.map((username) => ({ username })),
    {
      title: about ? `${n.title} · ${about}` : n.title,
      body: n.comment ? `${who}：${n.comment}` : `来自 ${who}`,
      link: n.taskId ? `/tasks/${n.taskId}` : `/instances/${n.instanceId}`,
      kind: n.kind,
      instanceId: n.instanceId,
    },
  );
}
