/** @module ui/pages/tasks: the inbox: 我的 / 待领取 / 已逾期 with counts and filters; a task opens in a drawer at /tasks/:taskId. */
import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Select, Space, Tabs } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { itemsOf, type Task, tasks as tasksApi } from '../../api';
import { useT } from '../../i18n';
import { showError, showSuccess, useAsync, useProcessDefinitions } from '../../lib';
import { TaskDrawer } from './task-drawer';
import { TaskTable } from './task-table';

type TabKey = 'mine' | 'group' | 'overdue';
type DueFilter = 'all' | 'today' | 'week';

function dueWithin(task: Task, filter: DueFilter): boolean {
  if (filter === 'all') return true;
  if (!task.dueAt) return false;
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  if (filter === 'week') end.setDate(end.getDate() + 7);
  return new Date(task.dueAt) <= end;
}

export default function TasksPage() {
  const t = useT();
  const navigate = useNavigate();
  const { taskId } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey) || 'mine';
  const processKey = params.get('process') ?? undefined;
  const due = (params.get('due') as DueFilter) || 'all';
  const defs = useProcessDefinitions();
  const processNames = useMemo(() => Object.fromEntries(defs.map((d) => [d.key, d.name || d.key])), [defs]);

  const lists = useAsync(
    async (signal) => {
      const base = { processKey, pageSize: 100 };
      const [mine, group, overdue] = await Promise.all([
        tasksApi.list({ ...base, scope: 'mine' }),
        tasksApi.list({ ...base, scope: 'group' }),
        tasksApi.list({ ...base, scope: 'all', overdue: true }),
      ]);
      if (signal.aborted) return undefined;
      return { mine: itemsOf(mine), group: itemsOf(group), overdue: itemsOf(overdue) };
    },
    [processKey],
  );
  const { reload } = lists;
  const shown = (key: TabKey) => (lists.data?.[key] ?? []).filter((task) => dueWithin(task, due));

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const act = useCallback(
    async (fn: () => Promise<unknown>, done: string) => {
      try {
        await fn();
        showSuccess(done);
      } catch (err) {
        showError(err);
      }
      reload();
    },
    [reload],
  );
  const open = (task: Task) => navigate({ pathname: `/tasks/${task.id}`, search: params.toString() });
  const table = (key: TabKey) => (
    <TaskTable
      testId={`task-table-${key}`}
      tasks={shown(key)}
      loading={lists.loading}
      processNames={processNames}
      onOpen={open}
      onClaim={(task) => act(() => tasksApi.claim(task.id), t('tasks.claimed'))}
      onUnclaim={(task) => act(() => tasksApi.unclaim(task.id), t('tasks.unclaimed'))}
    />
  );
  const label = (key: TabKey, text: string) => (
    <span data-testid={`tab-${key}`}>
      {text}{' '}
      <Badge
        count={shown(key).length}
        showZero
        color={key === 'overdue' ? 'red' : key === 'group' ? 'orange' : 'blue'}
        data-testid={`tab-${key}-count`}
      />
    </span>
  );

  return (
    <Card
      title={t('nav.tasks')}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('tasks.filter.process')}
            aria-label={t('tasks.filter.process')}
            style={{ width: 200 }}
            value={processKey}
            options={defs.map((d) => ({ value: d.key, label: d.name || d.key }))}
            onChange={(v) => setParam('process', v)}
            data-testid="filter-process"
          />
          <Select
            aria-label={t('tasks.filter.due')}
            style={{ width: 140 }}
            value={due}
            options={[
              { value: 'all', label: t('tasks.filter.all') },
              { value: 'today', label: t('tasks.filter.dueToday') },
              { value: 'week', label: t('tasks.filter.dueWeek') },
            ]}
            onChange={(v) => setParam('due', v === 'all' ? undefined : v)}
            data-testid="filter-due"
          />
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('refresh')} data-testid="tasks-refresh" />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k === 'mine' ? undefined : k)}
        items={[
          { key: 'mine', label: label('mine', t('tasks.mine')), children: table('mine') },
          { key: 'group', label: label('group', t('tasks.group')), children: table('group') },
          { key: 'overdue', label: label('overdue', t('tasks.overdue')), children: table('overdue') },
        ]}
      />
      {taskId ? (
        <TaskDrawer
          key={taskId}
          taskId={taskId}
          processNames={processNames}
          onClose={() => navigate({ pathname: '/tasks', search: params.toString() })}
          onChanged={reload}
          onOpenTask={(id) => navigate({ pathname: `/tasks/${id}`, search: params.toString() })}
        />
      ) : null}
    </Card>
  );
}
