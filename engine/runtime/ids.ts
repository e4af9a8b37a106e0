/** @module Ids are uuids in the database; anything else from a URL is simply not found (never a SQL error). */
import { AppError } from '../../platform/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

/**
 * The id stays out of the message: it is whatever the URL said (echoing it reflects the caller's text back, and
 * says nothing the caller does not know); API.md asks only for the code and a Chinese message. Callers still name
 * it, so a reader of the call sees which id was missing.
 */
export function notFound(what: '任务' | '流程实例' | '事件' | '作业', whatEn: string, _id: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在`, { messageEn: `${whatEn} not found` });
}
