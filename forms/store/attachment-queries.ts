/** @module Queries over attachments: metadata reads never load the content column. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db';
import { type AttachmentRow, attachments } from './schema';

export type AttachmentMetaRow = Omit<AttachmentRow, 'content'>;

const meta = {
  id: attachments.id,
  name: attachments.name,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  keyId: attachments.keyId,
  ownerUsername: attachments.ownerUsername,
  ownerUnitId: attachments.ownerUnitId,
  createdAt: attachments.createdAt,
};

export async function insertAttachmentRow(
  db: DbOrTx,
  values: Omit<AttachmentRow, 'id' | 'createdAt'>,
): Promise<AttachmentMetaRow> {
  const [row] = await db.insert(attachments).values(values).returning(meta);
  return row;
}

export async function selectAttachmentMeta(db: DbOrTx, id: string): Promise<AttachmentMetaRow | undefined> {
  const [row] = await db.select(meta).from(attachments).where(eq(attachments.id, id)).limit(1);
  return row;
}

export async function selectAttachment(db: DbOrTx, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return row;
}

export async function attachmentExistsFor(db: DbOrTx, id: string, ownerUsername: string): Promise<boolean> {
  const [row] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.ownerUsername, ownerUsername)))
    .limit(1);
  return !!row;
}
