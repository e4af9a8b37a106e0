/**
 * @module ui/components/due-tag: a task's deadline with what it means in working days on the official calendar —
 * 剩余 N 个工作日 while open (orange on the last day), 逾期 N 个工作日 in red once past — marked when provisional
 * (calendar year not loaded).
 */
import { ClockCircleOutlined, HourglassOutlined, WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { Task } from '../api';
import { useLocale, useT } from '../i18n';
import { formatTime } from '../lib';
import {
  type CalendarYear,
  calendarYear,
  overdueWorkdays,
  remainingWorkdays,
  yearsBetween,
} from './workdays';

type Count = { overdue: number } | { remaining: number };

/** Working days past or left before the deadline; undefined until known (or when the calendar is unreachable). */
function useWorkdayCount(
  dueAt: string | null | undefined,
  overdue: boolean,
  open: boolean,
): Count | undefined {
  const [count, setCount] = useState<Count>();
  useEffect(() => {
    if (!dueAt || !open) return;
    let alive = true;
    const now = new Date();
    Promise.all(yearsBetween(dueAt, now).map(calendarYear))
      .then((list) => {
        const years = new Map(list.map((y): [number, CalendarYear] => [y.year, y]));
        if (alive)
          setCount(
            overdue
              ? { overdue: overdueWorkdays(dueAt, now, years) }
              : { remaining: remainingWorkdays(dueAt, now, years) },
          );
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [dueAt, overdue, open]);
  return count;
}

const plural = (n: number) => (n > 1 ? 's' : '');

export function DueTag({
  task,
}: {
  task: Pick<Task, 'dueAt' | 'overdue' | 'dueProvisional'> & { status?: Task['status'] };
}) {
  const t = useT();
  const { lang } = useLocale();
  // A closed task's deadline is history: no count. Lists that pass no status show open work.
  const open = task.status === undefined || task.status === 'open';
  const count = useWorkdayCount(task.dueAt, task.overdue, open);
  if (!task.dueAt) return <span>—</span>;
  const days = count && 'overdue' in count ? count.overdue : undefined;
  const left = count && 'remaining' in count ? count.remaining : undefined;
  // The server decides "overdue" on its own clock; the count needs at least one whole working day on this one.
  const text =
    days && days > 0
      ? lang === 'en'
        ? `Overdue ${days} working day${plural(days)}`
        : `逾期 ${days} 个工作日`
      : t('tasks.overdueTag');
  return (
    <Space size={4} wrap>
      <span>{formatTime(task.dueAt)}</span>
      {task.overdue ? (
        <Tag color="red" icon={<ClockCircleOutlined />} data-testid="overdue-tag" data-workdays={days}>
          {text}
        </Tag>
      ) : left !== undefined && left > 0 ? (
        <Tag
          color={left <= 1 ? 'orange' : 'blue'}
          icon={<HourglassOutlined />}
          data-testid="remaining-tag"
          data-workdays={left}
        >
          {lang === 'en' ? `${left} working day${plural(left)} left` : `剩余 ${left} 个工作日`}
        </Tag>
      ) : null}
      {task.dueProvisional ? (
        <Tooltip
          title={
            lang === 'en'
              ? "This year's official holidays are not loaded yet: the deadline counts Monday to Friday for now"
              : '该年度法定节假日安排尚未载入，期限按周一至周五暂计'
          }
        >
          <Tag color="gold" icon={<WarningOutlined />}>
            {t('tasks.provisional')}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
