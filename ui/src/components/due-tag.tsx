/**
 * @module ui/components/due-tag: a task's deadline, red when overdue with how many working days, marked when
 * provisional (calendar year not loaded).
 */
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { Task } from '../api';
import { useLocale, useT } from '../i18n';
import { formatTime } from '../lib';
import { type CalendarYear, calendarYear, overdueWorkdays, yearsBetween } from './workdays';

/** Working days past the deadline, on the official calendar; undefined until known (or when the calendar is unreachable). */
function useOverdueWorkdays(dueAt: string | null | undefined, overdue: boolean): number | undefined {
  const [days, setDays] = useState<number>();
  useEffect(() => {
    if (!overdue || !dueAt) return;
    let alive = true;
    const now = new Date();
    Promise.all(yearsBetween(dueAt, now).map(calendarYear))
      .then((list) => alive && setDays(overdueWorkdays(dueAt, now, new Map(list.map((y): [number, CalendarYear] => [y.year, y])))))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [dueAt, overdue]);
  return days;
}

export function DueTag({ task }: { task: Pick<Task, 'dueAt' | 'overdue' | 'dueProvisional'> }) {
  const t = useT();
  const { lang } = useLocale();
  const days = useOverdueWorkdays(task.dueAt, task.overdue);
  if (!task.dueAt) return <span>—</span>;
  // The server decides "overdue" on its own clock; the count needs at least one whole working day on this one.
  const text = days && days > 0 ? (lang === 'en' ? `Overdue ${days} working day${days > 1 ? 's' : ''}` : `逾期 ${days} 个工作日`) : t('tasks.overdueTag');
  return (
    <Space size={4} wrap>
      <span>{formatTime(task.dueAt)}</span>
      {task.overdue ? (
        <Tag color="red" icon={<ClockCircleOutlined />} data-testid="overdue-tag" data-workdays={days}>
          {text}
        </Tag>
      ) : null}
      {task.dueProvisional ? (
        <Tooltip title="该年度法定节假日安排尚未载入，期限按周一至周五暂计">
          <Tag color="gold" icon={<WarningOutlined />}>
            {t('tasks.provisional')}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
