/**
 * @module Two of catalog-registration's start rules (#17): a resource code already asked for by another open
 * registration is taken (published entries alone left a window in which two registrations of one code both started
 * and the second failed only at publish), and a 共享期限 end date may not be in the past.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { processInstances } from '../../engine/store';
import type { DbOrTx } from '../../platform/db/db';
import { AppError } from '../../platform/errors';

/** 409 when an active registration (other than `exceptInstanceId`, the one being revised) names the same code. */
export async function assertNoOpenRegistration(
  db: DbOrTx,
  code: string,
  exceptInstanceId?: string,
): Promise<void> {
  // One jsonb read per start, filtered first by the (process_key, status) index: starts are rare, lists never do this.
  const [open] = await db
    .select({ id: processInstances.id, businessKey: processInstances.businessKey })
    .from(processInstances)
    .where(
      and(
        eq(processInstances.processKey, 'catalog-registration'),
        inArray(processInstances.status, ['active', 'incident']),
        sql`${processInstances.variables}->>'resourceCode' = ${code}`,
        exceptInstanceId ? ne(processInstances.id, exceptInstanceId) : undefined,
      ),
    )
    .limit(1);
  if (!open) return;
  const which = open.businessKey ? `（${open.businessKey}）` : '';
  throw new AppError('CONFLICT', `信息资源代码 ${code} 已有一项正在办理的目录注册${which}，请勿重复注册。`, {
    messageEn: `Resource code ${code} is already in a registration in progress${open.businessKey ? ` (${open.businessKey})` : ''}; do not register it twice.`,
  });
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 422 on the field when 共享期限 is a date before today (China date); "long-term" and other values pass. */
export function assertSharePeriodNotPast(sharePeriod: unknown, now: Date): void {
  if (typeof sharePeriod !== 'string' || !DATE.test(sharePeriod)) return;
  const today = new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  if (sharePeriod >= today) return;
  throw new AppError('VALIDATION_FAILED', '表单数据未通过校验', {
    messageEn: 'The form data is invalid',
    details: [
      {
        path: '/sharePeriod',
        field: '共享期限',
        message: `共享期限 ${sharePeriod} 已过，应为今天（${today}）或以后的日期。`,
        messageEn: `The sharing period ${sharePeriod} has passed: give today (${today}) or a later date.`,
      },
    ],
  });
}
