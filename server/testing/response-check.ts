/**
 * @module Responses checked against their OpenAPI description, in tests: every JSON answer of a route declared
 * with `createRoute` is parsed with the zod schema its `responses` give for that status, and the fields it sends
 * but the schema does not name are reported too (they would be missing from ui/src/api/generated.ts). An error
 * status the route does not declare must still have docs/api.md's error shape. The test server wraps the app's fetch
 * with this, so a route answering something its schema does not say fails the test that called it.
 */
import type { z } from '@hono/zod-openapi';
import type { App } from '../http/env';
import { ErrorSchema } from '../routes/schemas';

type Zod = z.ZodType;

interface DeclaredRoute {
  method: string;
  path: string;
  pattern: RegExp;
  /** Fewer path parameters first: `/api/forms/check` beats `/api/forms/{key}`. */
  params: number;
  responses: Map<number, Zod | null>;
}

const isZod = (s: unknown): s is Zod => !!s && typeof (s as Zod).safeParse === 'function';

/** The routes the app documents, as the OpenAPI document is built from them. */
export function declaredRoutes(app: App): DeclaredRoute[] {
  const out: DeclaredRoute[] = [];
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const { method, path, responses } = def.route;
    const map = new Map<number, Zod | null>();
    for (const [status, response] of Object.entries(responses ?? {})) {
      const schema = (response as { content?: Record<string, { schema?: unknown }> }).content?.[
        'application/json'
      ]?.schema;
      map.set(Number(status), isZod(schema) ? schema : null);
    }
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    out.push({
      method: method.toUpperCase(),
      path,
      pattern: new RegExp(`^${source}$`),
      params: (path.match(/\{/g) ?? []).length,
      responses: map,
    });
  }
  return out.sort((a, b) => a.params - b.params);
}

/** Paths (`items[0].extra`) present in what was sent and absent from what the schema kept. */
function undeclaredFields(sent: unknown, kept: unknown, at = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    return sent.flatMap((v, i) => undeclaredFields(v, kept[i], `${at}[${i}]`));
  }
  if (sent && typeof sent === 'object' && kept && typeof kept === 'object' && !Array.isArray(sent)) {
    return Object.entries(sent as Record<string, unknown>).flatMap(([k, v]) =>
      v !== undefined && !(k in (kept as object))
        ? [at ? `${at}.${k}` : k]
        : undeclaredFields(v, (kept as Record<string, unknown>)[k], at ? `${at}.${k}` : k),
    );
  }
  return [];
}

/**
 * What is wrong with one response, or null when it matches. Only JSON answers of documented routes are checked;
 * a status the route does not declare is checked against the error shape when it is an error.
 */
export async function checkResponse(routes: DeclaredRoute[], request: Request, response: Response) {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return null;
  const path = new URL(request.url).pathname;
  const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
  if (!route) return null;
  const declared = route.responses.get(response.status);
  const schema = declared ?? (response.status >= 400 && declared === undefined ? ErrorSchema : null);
  if (!schema) return null;
  const body = await response.clone().json();
  const parsed = schema.safeParse(body);
  const where = `${request.method} ${path} → ${response.status} (${route.method} ${route.path})`;
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return `${where} does not match its response schema: ${issues.join('; ')}`;
  }
  const extra = undeclaredFields(body, parsed.data);
  return extra.length
    ? `${where} sends fields its response schema does not declare: ${extra.join(', ')}`
    : null;
}

/**
 * Wraps the app's fetch (which `app.request` also goes through) so every response is checked; a mismatch throws
 * in the caller's request, and is also kept in `mismatches` for a server answering a browser.
 */
export function checkResponses(app: App): { mismatches: string[] } {
  const routes = declaredRoutes(app);
  const mismatches: string[] = [];
  const fetch = app.fetch;
  app.fetch = async (request, ...rest) => {
    const response = await fetch(request, ...rest);
    const problem = await checkResponse(routes, request, response);
    if (problem) {
      mismatches.push(problem);
      throw new Error(problem);
    }
    return response;
  };
  return { mismatches };
}
