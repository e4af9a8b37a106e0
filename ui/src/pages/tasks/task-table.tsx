/** @module ui/pages/tasks/task-table: one tab's task list with claim/unclaim and open. */
import { Button, Space, Table, Tag } from 'antd';
import type { Task } from '../../api';
import { useUser } from '../../auth';
import { DueTag } from '../../components';
import { useT } from '../../i18n';
import { formatTime, roleName } from '../../lib';

export interface TaskTableProps {
  tasks: Task[];
  loading: boolean;
  processNames: Record<string, string>;
  onOpen: (task: Task) => void;
  onClaim: (task: Task) => void;
  onUnclaim: (task: Task) => void;
  testId: string;
}

export function TaskTable({ tasks, loading, processNames, onOpen, onClaim, onUnclaim, testId }: TaskTableProps) {
  const t = useT();
  const user = useUser();
  return (
    <Table<Task>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      locale={{ emptyText: t('tasks.empty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(task) => ({ 'data-testid': `task-row-${task.id}`, 'data-element-id': task.elementId }) as any}
      columns={[
        {
          title: t('tasks.name'),
          dataIndex: 'name',
          render: (name: string, task) => (
            <Space>
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(task)} data-testid={`task-open-${task.id}`}>
                {name || task.elementId}
              </Button>
              {task.overdue ? <Tag color="red">{t('tasks.overdueTag')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('tasks.process'), dataIndex: 'processKey', render: (k: string) => processNames[k] ?? k },
        { title: t('tasks.businessKey'), dataIndex: 'businessKey', render: (b?: string) => b || '—' },
        { title: t('tasks.created'), dataIndex: 'createdAt', render: formatTime, sorter: (a, b) => a.createdAt.localeCompare(b.createdAt) },
        {
          title: t('tasks.due'),
          dataIndex: 'dueAt',
          render: (_: unknown, task) => <DueTag task={task} />,
          sorter: (a, b) => (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'),
        },
        {
          title: t('tasks.assignee'),
          dataIndex: 'assignee',
          // An unclaimed task shows who may take it (候选角色).
          render: (a: string | undefined, task) =>
            a || <span style={{ color: '#888' }}>{(task.candidateGroups ?? []).map(roleName).join('、') || '—'}</span>,
        },
        {
          title: t('tasks.actions'),
          key: 'actions',
          render: (_: unknown, task) => (
            <Space>
              {!task.assignee && task.status === 'open' ? (
                <Button size="small" onClick={() => onClaim(task)} data-testid={`task-claim-${task.id}`}>
                  {t('tasks.claim')}
                </Button>
              ) : null}
              {task.assignee === user.username && task.status === 'open' ? (
                <Button size="small" onClick={() => onUnclaim(task)} data-testid={`task-unclaim-${task.id}`}>
                  {t('tasks.unclaim')}
                </Button>
              ) : null}
              <Button size="small" type="primary" onClick={() => onOpen(task)}>
                {t('open')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
