/**
 * @module Instance repair and version migration (docs/api.md "Instance repair and version migration"): move running
 * instances onto another version (one instance, or all of a version; dry run reports per instance) and modify one
 * instance's tokens. Role authority.admin. The engine does the work (engine/runtime/commands/migrate-instances.ts,
 * modify-instance.ts); this file only checks the body and the role and writes the audit row.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { migrateInstances } from '../../engine/runtime/commands/migrate-instances';
import { modifyInstance } from '../../engine/runtime/commands/modify-instance';
import { requireRole } from '../auth/rbac';
import { auditAct } from '../http/audit-act';
import { createRouter } from '../http/env';
import { actorOf, runtimeOf } from '../http/runtime-of';
import { Instance } from './instances';
import { ErrorSchema } from './schemas';
import { IdParam, KeyParam, body, json } from './openapi';

const elementId = z.string().min(1).max(200);
const Mappings = z.array(z.object({ source: elementId, target: elementId })).max(500);
const MigrationReport = z
  .object({
    migrated: z.number(),
    failed: z.array(z.object({ instanceId: z.string(), reason: z.string() })),
    dryRun: z.boolean(),
    instances: z.array(
      z.object({
        instanceId: z.string(),
        fromVersion: z.number(),
        ok: z.boolean(),
        reason: z.string().optional(),
        activeElementIds: z.array(z.string()),
        targetElementIds: z.array(z.string()).optional(),
        renamed: z.record(z.string(), z.string()).optional(),
      }),
    ),
  })
  .openapi('MigrationReport');
const errors = { 400: json(ErrorSchema, 'bad mapping'), 403: json(ErrorSchema, 'not authority.admin') };

const migrateAll = createRoute({
  method: 'post',
  path: '/api/process-definitions/{key}/migrate',
  tags: ['repair'],
  summary: '迁移流程实例 / move every running instance of one version onto another (dryRun: report only)',
  request: {
    params: KeyParam,
    body: body(
      z.object({
        fromVersion: z.number().int().min(1),
        toVersion: z.number().int().min(1),
        mappings: Mappings.default([]),
        dryRun: z.boolean().optional(),
      }),
    ),
  },
  responses: { 200: json(MigrationReport, 'per instance: migrated or why not'), ...errors },
});
const migrateOne = createRoute({
  method: 'post',
  path: '/api/process-instances/{id}/migration',
  tags: ['repair'],
  summary: '迁移单个实例 / move one instance onto another version',
  request: {
    params: IdParam,
    body: body(
      z.object({
        targetVersion: z.number().int().min(1),
        mappings: Mappings.default([]),
        dryRun: z.boolean().optional(),
      }),
    ),
  },
  responses: { 200: json(MigrationReport, 'migrated or why not'), ...errors },
});
const modification = createRoute({
  method: 'post',
  path: '/api/process-instances/{id}/modification',
  tags: ['repair'],
  summary: '修改实例 / activate and terminate elements of one instance (move to step)',
  request: {
    params: IdParam,
    body: body(
      z.object({
        activate: z
          .array(z.object({ elementId, variables: z.record(z.string(), z.any()).optional() }))
          .max(50)
          .default([]),
        terminate: z.array(z.object({ elementId })).max(50).default([]),
        comment: z.string().max(2000).optional(),
      }),
    ),
  },
  responses: { 200: json(Instance, 'the instance after the modification'), ...errors },
});

export function repairRoutes() {
  const router = createRouter();
  router.openapi(migrateAll, async (c) => {
    const user = requireRole(c.get('user'), 'authority.admin');
    const { key } = c.req.valid('param');
    const input = c.req.valid('json');
    const report = await migrateInstances(runtimeOf(c).context, {
      processKey: key,
      fromVersion: input.fromVersion,
      toVersion: input.toVersion,
      mappings: input.mappings,
      dryRun: input.dryRun,
      user: actorOf(user),
    });
    if (!input.dryRun)
      await auditAct(c, c.get('deps').db, {
        action: 'process.migrate',
        target: key,
        details: { ...input, migrated: report.migrated, failed: report.failed.length },
      });
    return c.json(report, 200);
  });

  router.openapi(migrateOne, async (c) => {
    const user = requireRole(c.get('user'), 'authority.admin');
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const instance = await runtimeOf(c).getInstance(id);
    const report = await migrateInstances(runtimeOf(c).context, {
      processKey: instance.processKey,
      instanceIds: [instance.id],
      toVersion: input.targetVersion,
      mappings: input.mappings,
      dryRun: input.dryRun,
      user: actorOf(user),
    });
    if (!input.dryRun)
      await auditAct(c, c.get('deps').db, {
        action: 'instance.migrate',
        target: id,
        details: { ...input, migrated: report.migrated },
      });
    return c.json(report, 200);
  });

  router.openapi(modification, async (c) => {
    const user = requireRole(c.get('user'), 'authority.admin');
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    await modifyInstance(runtimeOf(c).context, { instanceId: id, ...input, user: actorOf(user) });
    await auditAct(c, c.get('deps').db, { action: 'instance.modify', target: id, details: input });
    return c.json(await runtimeOf(c).getInstance(id), 200);
  });
  return router;
}
