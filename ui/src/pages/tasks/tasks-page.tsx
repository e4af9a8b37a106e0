/**
 * @module ui/pages/tasks: the inbox: 待办 (default: mine and claimable; opening a claimable one claims it, #17) / 我的 /
 * 待领取 / 已逾期 with counts and filters (process, unit, due); a task opens in a drawer at /tasks/:taskId. The drawer and the form renderer are separate chunks, fetched when the browser is idle
 * after the list shows, so the inbox's first load stays small and opening a task stays instant.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Select, Space, Spin, Tabs } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { itemsOf, type Task, tasks as tasksApi, totalOf } from '../../api';
import { useUser } from '../../auth';
// Deep imports: the forms barrel also carries FieldDiff (antd Table), which the inbox's first load must not.
import { prefetchWhenIdle, preloadSchemaForm } from '../../forms/lazy-schema-form';
import { unitNameMap } from '../../forms/refs';
import { useLocale, useT } from '../../i18n';
import { isCountyWide, showError, showSuccess, useAsync, useProcessDefinitions } from '../../lib';
import { LazyTaskDrawer, loadDrawer } from './lazy-drawer';
import { approvals } from './actions/api';
import { useActionsText } from './actions/messages';
import { TaskTable } from './task-table';
import './tasks.css';

type TabKey = 'todo' | 'mine' | 'group' | 'overdue';
/** 审批操作 (#12): 已办, 我发起的, 抄送我的 beside the open work. */
type MoreTab = 'done' | 'started' | 'cc';
type DueFilter = 'all' | 'today' | 'week';
// Their own chunks (antd Table): the inbox's first load stays small.
const StartedList = lazy(() => import('../started/started-list').then((m) => ({ default: m.StartedList })));
const CcList = lazy(() => import('../cc/cc-list').then((m) => ({ default: m.CcList })));
const BatchApprove = lazy(() => import('./actions/batch-approve').then((m) => ({ default: m.BatchApprove })));

function dueWithin(task: Task, filter: DueFilter): boolean {
  if (filter === 'all') return true;
  if (!task.dueAt) return false;
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  if (filter === 'week') end.setDate(end.getDate() + 7);
  return new Date(task.dueAt) <= end;
}

/** The county's units for the unit filter; only people who see more than their own unit's work get the filter. */
function useUnitOptions(enabled: boolean) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    unitNameMap()
      .then((m) => alive && setOptions([...m].map(([value, label]) => ({ value, label }))))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [enabled]);
  return options;
}

export default function TasksPage() {
  const t = useT();
  const { lang } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const { taskId } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey | MoreTab) || 'todo';
  const text = useActionsText();
  const [selected, setSelected] = useState<string[]>([]);
  const processKey = params.get('process') ?? undefined;
  const unitId = params.get('unit') ?? undefined;
  const due = (params.get('due') as DueFilter) || 'all';
  const defs = useProcessDefinitions();
  const processNames = useMemo(() => Object.fromEntries(defs.map((d) => [d.key, d.name || d.key])), [defs]);
  const seesOtherUnits = isCountyWide(user.roles);
  const unitOptions = useUnitOptions(seesOtherUnits);

  const lists = useAsync(
    async (signal) => {
      const base = { processKey, unitId, pageSize: 100 };
      const [mine, group, overdue, done, counts] = await Promise.all([
        tasksApi.list({ ...base, scope: 'mine' }),
        tasksApi.list({ ...base, scope: 'group' }),
        tasksApi.list({ ...base, scope: 'all', overdue: true }),
        approvals.done(),
        approvals.counts().catch(() => undefined),
      ]);
      if (signal.aborted) return undefined;
      const of = (list: typeof mine) => ({ items: itemsOf(list), total: totalOf(list) });
      // 待办: everything the user can act on, assigned or claimable, newest first.
      const todo = {
        items: [...itemsOf(mine), ...itemsOf(group)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
        total: totalOf(mine) + totalOf(group),
      };
      return { todo, mine: of(mine), group: of(group), overdue: of(overdue), done: of(done), counts };
    },
    [processKey, unitId],
  );
  const { reload } = lists;
  const listed = lists.data !== undefined;
  // Once the list is on screen, fetch what opening a task needs while the user reads it.
  useEffect(() => (listed ? prefetchWhenIdle([loadDrawer, preloadSchemaForm]) : undefined), [listed]);

  const shown = (key: TabKey) => (lists.data?.[key].items ?? []).filter((task) => dueWithin(task, due));
  // Without a due filter the server's total counts past the first 100.
  const count = (key: TabKey) => (due === 'all' ? (lists.data?.[key].total ?? 0) : shown(key).length);

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
  // Closing the drawer puts the keyboard back on the row that opened it, once the drawer (and its focus trap) is gone.
  const lastOpened = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (taskId) {
      lastOpened.current = taskId;
      return;
    }
    const id = lastOpened.current;
    if (!id) return;
    const timer = window.setTimeout(
      () => document.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(id)}"]`)?.focus(),
      0,
    );
    return () => window.clearTimeout(timer);
  }, [taskId]);
  const open = async (task: Task) => {
    // From 待办, opening a task offered to the user's role claims it, so the one who reads it is the one who does it.
    if (tab === 'todo' && !task.assignee) {
      try {
        await tasksApi.claim(task.id);
      } catch (err) {
        showError(err);
        reload();
        return;
      }
      reload();
    }
    navigate({ pathname: `/tasks/${task.id}`, search: params.toString() });
  };
  const close = () => navigate({ pathname: '/tasks', search: params.toString() });
  // 批量审批 (#12): tasks of one step, selected in the lists of open work the user may complete.
  const batchable = (key: TabKey | 'done') => key === 'todo' || key === 'mine' || key === 'group';
  const chosen = (key: TabKey) => shown(key).filter((task) => selected.includes(task.id));
  const table = (key: TabKey | 'done') => (
    <TaskTable
      testId={`task-table-${key}`}
      tasks={key === 'done' ? (lists.data?.done.items ?? []) : shown(key)}
      {...(batchable(key) ? { selected, onSelect: setSelected } : {})}
      loading={lists.loading}
      processNames={processNames}
      onOpen={open}
      onClaim={(task) => act(() => tasksApi.claim(task.id), t('tasks.claimed'))}
      onUnclaim={(task) => act(() => tasksApi.unclaim(task.id), t('tasks.unclaimed'))}
    />
  );
  const counts = lists.data?.counts;
  const moreLabel = (key: MoreTab) => (
    <span data-testid={`tab-${key}`}>
      {text.tabs[key]}{' '}
      <Badge
        count={counts?.[key] ?? 0}
        showZero
        overflowCount={999}
        color="gray"
        data-testid={`tab-${key}-count`}
      />
      {key === 'cc' && counts?.ccUnread ? (
        <Badge
          count={counts.ccUnread}
          overflowCount={99}
          style={{ marginLeft: 4 }}
          title={text.ccPage.unread}
          data-testid="tab-cc-unread"
        />
      ) : null}
    </span>
  );
  const withBatch = (key: TabKey) => (
    <>
      {chosen(key).length > 0 ? (
        <Space style={{ marginBottom: 8 }}>
          <Suspense fallback={<Spin size="small" />}>
            <BatchApprove
              tasks={chosen(key)}
              onDone={() => {
                setSelected([]);
                reload();
              }}
            />
          </Suspense>
          <span>{text.batchSelected(chosen(key).length)}</span>
          <Button size="small" onClick={() => setSelected([])}>
            {text.cancel}
          </Button>
        </Space>
      ) : null}
      {table(key)}
    </>
  );
  const label = (key: TabKey, text: string) => (
    <span data-testid={`tab-${key}`}>
      {text}{' '}
      <Badge
        count={count(key)}
        showZero
        overflowCount={999}
        color={key === 'overdue' ? 'red' : key === 'group' ? 'orange' : 'blue'}
        data-testid={`tab-${key}-count`}
      />
    </span>
  );

  return (
    <Card
      title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('nav.tasks')}</h1>}
      extra={
        <Space wrap role="search" aria-label={lang === 'en' ? 'Filter tasks' : '筛选任务'}>
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
          {seesOtherUnits ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={lang === 'en' ? 'Filter by unit' : '按单位筛选'}
              aria-label={lang === 'en' ? 'Filter by unit' : '按单位筛选'}
              style={{ width: 180 }}
              value={unitId}
              options={unitOptions}
              onChange={(v) => setParam('unit', v)}
              data-testid="filter-unit"
            />
          ) : null}
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
          <Button
            icon={<ReloadOutlined />}
            onClick={reload}
            aria-label={t('refresh')}
            title={t('refresh')}
            data-testid="tasks-refresh"
          />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        // 待办 lists the tasks of 我的 and 待领取 again: only the shown tab's rows may be in the page.
        destroyOnHidden
        onChange={(k) => {
          setSelected([]);
          setParam('tab', k === 'todo' ? undefined : k);
        }}
        items={[
          {
            key: 'todo',
            label: label('todo', lang === 'en' ? 'To do' : '待办'),
            children: withBatch('todo'),
          },
          { key: 'mine', label: label('mine', t('tasks.mine')), children: withBatch('mine') },
          { key: 'group', label: label('group', t('tasks.group')), children: withBatch('group') },
          { key: 'overdue', label: label('overdue', t('tasks.overdue')), children: table('overdue') },
          { key: 'done', label: moreLabel('done'), children: table('done') },
          // Mounted only when shown: each loads its own list.
          {
            key: 'started',
            label: moreLabel('started'),
            children:
              tab === 'started' ? (
                <Suspense fallback={<Spin />}>
                  <StartedList onChanged={reload} />
                </Suspense>
              ) : null,
          },
          {
            key: 'cc',
            label: moreLabel('cc'),
            children:
              tab === 'cc' ? (
                <Suspense fallback={<Spin />}>
                  <CcList onChanged={reload} />
                </Suspense>
              ) : null,
          },
        ]}
      />
      {taskId ? (
        <LazyTaskDrawer
          key={taskId}
          taskId={taskId}
          processNames={processNames}
          onClose={close}
          onChanged={reload}
          onOpenTask={(id) => navigate({ pathname: `/tasks/${id}`, search: params.toString() })}
        />
      ) : null}
    </Card>
  );
}
