/** @module Handlers reach the engine runtime and act as the session's user through these two helpers. */
import type { Context } from 'hono';
import type { Runtime, RuntimeUser } from '../../engine/runtime';
import type { SessionUser } from '../../identity/store';
import type { AppEnv } from './env';

export const runtimeOf = (c: Context<AppEnv>) => c.get('deps').services.runtime as Runtime;

export const actorOf = (user: SessionUser): RuntimeUser => ({
  username: user.username,
  unitId: user.unitId,
  roles: user.roles,
});
