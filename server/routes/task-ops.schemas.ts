/** @module Request and response shapes of the approval operations (docs/api.md "Approval operations (审批操作)"). */
import { z } from '@hono/zod-openapi';

export const Comment = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .openapi({ description: '审批意见 / the opinion' });
const Username = z.string().trim().min(1).max(100);

export const TransferBody = z.object({ to: Username, comment: Comment });
export const ResolveBody = z.object({
  variables: z.record(z.string(), z.any()).optional(),
  comment: Comment,
});
export const UrgeBody = z.object({ comment: Comment });
export const CcBody = z.object({ usernames: z.array(Username).min(1).max(50), comment: Comment });
export const BatchBody = z.object({
  taskIds: z.array(z.string().min(1).max(64)).min(1).max(100),
  variables: z.record(z.string(), z.any()).default({}),
  comment: Comment,
});

export const BatchResult = z
  .object({
    taskId: z.string(),
    status: z.enum(['completed', 'failed']),
    error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).optional(),
  })
  .openapi('BatchResult');

export const UrgeResult = z.object({ taskId: z.string(), urgedAt: z.string() }).openapi('UrgeResult');

export const TaskCopy = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    taskId: z.string(),
    elementId: z.string(),
    taskName: z.string(),
    processKey: z.string(),
    businessKey: z.string().nullable(),
    copiedBy: z.string().nullable(),
    comment: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('TaskCopy');

export const InboxCounts = z
  .object({ todo: z.number(), done: z.number(), started: z.number(), cc: z.number(), ccUnread: z.number() })
  .openapi('InboxCounts');

export const DirectoryUser = z
  .object({
    username: z.string(),
    name: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    roles: z.array(z.string()),
  })
  .openapi('DirectoryUser');
