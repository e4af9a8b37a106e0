/**
 * @module Attachments: store an upload after checking name, size and type; read it back; answer the
 * `attachmentOwned` reference check. Who may *download* is the server's decision (it knows units and roles).
 */
import { createHash } from 'node:crypto';
import { open, seal } from '../../platform/crypto/data-keys';
import { AppError } from '../../platform/errors';
import type { DbOrTx } from '../../platform/db/db';
import {
  type AttachmentMetaRow,
  type AttachmentRow,
  attachmentExistsFor,
  insertAttachmentRow,
  selectAttachment,
  selectAttachmentMeta,
} from '../store';
import { ALLOWED_EXTENSIONS, recogniseFile } from './file-types';

/** 5 MB: below the server's request body limit (8 MB) with room for the multipart envelope. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const MAX_NAME_LENGTH = 200;
/** Bound into each attachment's tag: its ciphertext opens as an attachment only. */
const ATTACHMENT_PURPOSE = 'huiliu:attachment';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The base name without control characters or quotes, at most MAX_NAME_LENGTH characters (keeping the extension). */
function cleanName(raw: string): string {
  const base = raw.replace(/^.*[\\/]/, '');
  const printable = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('');
  return printable.trim().slice(-MAX_NAME_LENGTH);
}

export interface NewAttachment {
  name: string;
  content: Uint8Array;
  owner: { username: string; unitId?: string | null };
}
export type AttachmentMeta = AttachmentMetaRow;

/** Throws PAYLOAD_TOO_LARGE or BAD_REQUEST (zh/en) for files that may not be stored. */
export async function storeAttachment(
  db: DbOrTx,
  input: NewAttachment,
  maxBytes = MAX_ATTACHMENT_BYTES,
): Promise<AttachmentMeta> {
  // Keep only the base name, without control characters: it goes back out in Content-Disposition.
  const name = cleanName(input.name);
  if (!name) throw new AppError('BAD_REQUEST', '文件名不能为空', { messageEn: 'The file name is empty' });
  if (input.content.byteLength === 0)
    throw new AppError('BAD_REQUEST', `文件 ${name} 是空的`, { messageEn: `The file ${name} is empty` });
  if (input.content.byteLength > maxBytes) {
    const mb = (maxBytes / 1024 / 1024).toFixed(0);
    throw new AppError('PAYLOAD_TOO_LARGE', `文件 ${name} 超过 ${mb} MB 的上限`, {
      messageEn: `The file ${name} exceeds the ${mb} MB limit`,
    });
  }
  const contentType = recogniseFile(name, input.content);
  if (!contentType) {
    throw new AppError(
      'BAD_REQUEST',
      `不支持的文件类型或文件内容与扩展名不符：${name}（允许 ${ALLOWED_EXTENSIONS.join('、')}）`,
      {
        messageEn: `Unsupported file type, or content that does not match the extension: ${name} (allowed: ${ALLOWED_EXTENSIONS.join(', ')})`,
      },
    );
  }
  const content = Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength);
  // With HUILIU_DATA_KEY set, only the sealed bytes reach the database (encryption at rest)
  const sealed = seal(content, ATTACHMENT_PURPOSE);
  return insertAttachmentRow(db, {
    name,
    contentType,
    size: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    content: sealed?.data ?? content,
    keyId: sealed?.keyId ?? null,
    ownerUsername: input.owner.username,
    ownerUnitId: input.owner.unitId ?? null,
  });
}

export async function getAttachmentMeta(db: DbOrTx, id: string): Promise<AttachmentMeta | null> {
  return UUID.test(id) ? ((await selectAttachmentMeta(db, id)) ?? null) : null;
}

/** The attachment with its content as uploaded (opened when it was sealed; a DataKeyError when it cannot be). */
export async function readAttachment(db: DbOrTx, id: string): Promise<AttachmentRow | null> {
  const row = UUID.test(id) ? await selectAttachment(db, id) : undefined;
  if (!row) return null;
  if (!row.keyId) return row;
  return { ...row, content: open({ keyId: row.keyId, data: row.content }, ATTACHMENT_PURPOSE) };
}

/** The `attachmentOwned` reference check: the attachment exists and this user uploaded it. */
export async function attachmentOwnedBy(db: DbOrTx, id: string, username: string): Promise<boolean> {
  return UUID.test(id) && attachmentExistsFor(db, id, username);
}
