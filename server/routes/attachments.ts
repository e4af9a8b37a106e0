/**
 * @module /api/attachments: upload (multipart field `file`) and download of form attachments. A file is visible
 * to its uploader, the uploader's unit, county-wide roles, and whoever `deps.services.attachmentAccess` admits
 * (the lead wires it to "can see a task or instance whose variables name this attachment", so a rectifier in
 * the source unit can open what a reporter in another unit attached). Everyone else gets 404, and so does anyone
 * but the uploader for a file that sits only in fields the diagram hides from them (`attachmentHidden`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors';
import {
  type AttachmentMeta,
  getAttachmentMeta,
  MAX_ATTACHMENT_BYTES,
  readAttachment,
  storeAttachment,
} from '../../forms';
import { canSeeUnit } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { createRouter } from '../http/env';
import { assertUploadQuota } from '../http/upload-quota';
import type { SessionUser } from '../../identity/store';
import { ErrorSchema } from './schemas';
import { IdParam, json } from './openapi';

/** Optional extra visibility rule, registered by the server as `deps.services.attachmentAccess`. */
export type AttachmentAccess = (user: SessionUser, attachment: AttachmentMeta) => Promise<boolean>;

const Meta = z
  .object({
    id: z.string(),
    name: z.string(),
    size: z.number(),
    contentType: z.string(),
    createdAt: z.string(),
    url: z.string(),
  })
  .openapi('Attachment');

const upload = createRoute({
  method: 'post',
  path: '/api/attachments',
  tags: ['attachments'],
  summary: `上传附件（multipart，字段 file，≤ ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB） / upload a file (multipart field "file")`,
  responses: {
    201: json(Meta, 'stored'),
    400: json(ErrorSchema, 'no file, or a type that is not allowed'),
    413: json(ErrorSchema, 'too large'),
    429: json(ErrorSchema, 'the daily upload quota (HUILIU_UPLOAD_QUOTA_MB) is used up'),
  },
});
const download = createRoute({
  method: 'get',
  path: '/api/attachments/{id}',
  tags: ['attachments'],
  summary: '下载附件 / the file',
  request: { params: IdParam },
  responses: {
    // The stored type in practice (PDF, image, office file …): described as bytes.
    200: { description: 'the bytes', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    404: json(ErrorSchema, 'no such file, or not visible'),
  },
});
const metaRoute = createRoute({
  method: 'get',
  path: '/api/attachments/{id}/meta',
  tags: ['attachments'],
  summary: '附件信息 / name, size and type',
  request: { params: IdParam },
  responses: { 200: json(Meta, 'metadata'), 404: json(ErrorSchema, 'no such file, or not visible') },
});

const notFound = () => new AppError('NOT_FOUND', '附件不存在', { messageEn: 'Attachment not found' });
const publicMeta = (m: AttachmentMeta) => ({
  id: m.id,
  name: m.name,
  size: m.size,
  contentType: m.contentType,
  createdAt: m.createdAt.toISOString(),
  url: `/api/attachments/${m.id}`,
});

async function mayRead(
  user: SessionUser,
  meta: AttachmentMeta,
  services: { attachmentAccess?: unknown; attachmentHidden?: unknown },
): Promise<boolean> {
  const access = services.attachmentAccess as AttachmentAccess | undefined;
  const hidden = services.attachmentHidden as AttachmentAccess | undefined;
  if (meta.ownerUsername === user.username) return true;
  // the uploader's unit and county-wide roles, unless the file sits only in fields the diagram hides from them
  // (`deps.services.attachmentHidden`, server/http/attachment-access.ts)
  if (canSeeUnit(user, meta.ownerUnitId)) return !(await hidden?.(user, meta));
  return access ? access(user, meta) : false;
}

export function attachmentRoutes() {
  const router = createRouter();

  router.openapi(upload, async (c) => {
    const body = await c.req.parseBody().catch(() => {
      throw new AppError('BAD_REQUEST', '请以 multipart/form-data 上传文件（字段 file）', {
        messageEn: 'Upload the file as multipart/form-data (field "file")',
      });
    });
    const file = body.file;
    if (!(file instanceof File)) {
      throw new AppError('BAD_REQUEST', '请以 multipart/form-data 上传文件（字段 file）', {
        messageEn: 'Upload the file as multipart/form-data (field "file")',
      });
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      const mb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
      throw new AppError('PAYLOAD_TOO_LARGE', `文件 ${file.name} 超过 ${mb} MB 的上限`, {
        messageEn: `The file ${file.name} exceeds the ${mb} MB limit`,
      });
    }
    const user = c.get('user');
    await assertUploadQuota(c.get('deps').db, user.username, file.size, c.get('deps').config.uploadQuotaMb);
    const content = new Uint8Array(await file.arrayBuffer());
    const meta = await storeAttachment(c.get('deps').db, {
      name: file.name,
      content,
      owner: { username: user.username, unitId: user.unitId },
    });
    return c.json(publicMeta(meta), 201);
  });

  router.openapi(metaRoute, async (c) => {
    const { id } = c.req.valid('param');
    const meta = await getAttachmentMeta(c.get('deps').db, id);
    if (!meta || !(await mayRead(c.get('user'), meta, c.get('deps').services))) throw notFound();
    return c.json(publicMeta(meta), 200);
  });

  router.openapi(download, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.get('deps').db;
    const meta = await getAttachmentMeta(db, id);
    if (!meta || !(await mayRead(c.get('user'), meta, c.get('deps').services))) throw notFound();
    const row = await readAttachment(db, id);
    if (!row) throw notFound();
    // A read changes nothing, so there is no transaction to share: the row records that the bytes went out.
    await auditAct(c, db, { action: 'attachment.download', target: id, details: { name: row.name } });
    // Types were checked on upload by their bytes; PDFs and images may show inline, the rest downloads.
    const inline = /^(application\/pdf|image\/)/.test(row.contentType);
    const disposition = `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.name)}`;
    return c.body(new Uint8Array(row.content), 200, {
      'content-type': row.contentType,
      'content-length': String(row.size),
      'content-disposition': disposition,
      'cache-control': 'private, max-age=3600',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    });
  });
  return router;
}
