/** @module ui/components/due-tag: a task's deadline, red when overdue, marked when provisional (calendar year not loaded). */
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { Task } from '../api';
import { useT } from '../i18n';
import { formatTime } from '../lib';

export function DueTag({ task }: { task: Pick<Task, 'dueAt' | 'overdue' | 'provisional' | 'dueProvisional'> }) {
  const t = useT();
  if (!task.dueAt) return <span>—</span>;
  return (
    <Space size={4} wrap>
      <span>{formatTime(task.dueAt)}</span>
      {task.overdue ? (
        <Tag color="red" icon={<ClockCircleOutlined />} data-testid="overdue-tag">
          {t('tasks.overdueTag')}
        </Tag>
      ) : null}
      {task.provisional || task.dueProvisional ? (
        <Tooltip title="该年度法定节假日安排尚未载入，期限按周一至周五暂计">
          <Tag color="gold" icon={<WarningOutlined />}>
            {t('tasks.provisional')}
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
