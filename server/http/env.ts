/** @module The hono environment: what every handler can read from `c.var`. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { SessionUser } from '../../identity/store';
import type { AppDeps } from '../deps';
import type { Lang } from './i18n';
import { validationHook } from './validation';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Set by the auth middleware on every /api route except login and the docs. */
    user: SessionUser;
    lang: Lang;
  };
}

export type App = OpenAPIHono<AppEnv>;

/** A router for one area (`server/routes/<area>.ts`), with the shared validation hook. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
