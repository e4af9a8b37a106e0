/**
 * @module The hono environment type: what every handler can read from `c.var`. Types only, in a file of its own so
 * that middleware (client IP, the denied-act audit) can name it without importing the router factory, which
 * imports the validation hook and through it the error mapping (a cycle otherwise).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { SessionUser } from '../../identity/store';
import type { AppDeps } from '../deps';
import type { Lang } from './i18n';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Set by the auth middleware on every /api route except login and the docs. */
    user: SessionUser;
    lang: Lang;
  };
}

export type App = OpenAPIHono<AppEnv>;
