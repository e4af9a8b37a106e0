/** @module The router factory every area uses, with the shared validation hook; the environment type is app-env.ts. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { validationHook } from './validation';

export type { App, AppEnv } from './app-env';

/** A router for one area (`server/routes/<area>.ts`), with the shared validation hook. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
