/** @module Ids are uuids in the database; anything else from a URL is simply not found (never a SQL error). */
import { AppError } from '../../platform/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

export function notFound(what: '任务' | '流程实例' | '事件' | '作业', whatEn: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在：${id}`, { messageEn: `${whatEn} not found: ${id}` });
}
