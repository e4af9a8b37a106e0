/**
 * @module The small OpenAPI pieces every route file needs, defined once: a JSON response, a required JSON request
 * body and the `{id}` / `{key}` path parameters. The generated document (and so ui/src/api/generated.ts) is what
 * the routes gave when each file kept its own copy.
 */
import { z } from '@hono/zod-openapi';

/** A JSON response: `responses: { 200: json(Schema, 'what it is') }`. */
export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body: `request: { body: body(Schema) }`. */
export const body = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** `{id}` of a task, instance, job or anything else the engine names: opaque to clients, bounded. */
export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** `{key}` of a process or decision definition (BPMN ids run longer than our own keys). */
export const KeyParam = z.object({
  key: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'key', in: 'path' } }),
});
