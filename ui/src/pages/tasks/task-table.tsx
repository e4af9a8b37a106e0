/**
 * @module ui/pages/tasks/task-table: one tab's task list with claim/unclaim and open. A plain <table> rather than
 * antd's Table: the inbox needs neither filters nor virtual rows, and antd's Table (with the Tree, Checkbox and
 * Dropdown it brings for those) was ~50 kB gzip of the inbox's first load. Each row is one tab stop: Enter or Space
 * opens the task, ↑/↓/Home/End move between rows, Tab goes on to the row's claim button.
 */
import { Button, Empty, Pagination, Spin } from 'antd';
import { type KeyboardEvent, type MouseEvent, useMemo, useState } from 'react';
import type { Task } from '../../api';
import { useUser } from '../../auth';
// Deep import: the components barrel would bring the drawer's Timeline and Descriptions into the first load.
import { PersonName } from '../../components/approval-record-person';
import { DueTag } from '../../components/due-tag';
import { useLocale, useT } from '../../i18n';
import { formatTime, roleName } from '../../lib';

export interface TaskTableProps {
  tasks: Task[];
  loading: boolean;
  processNames: Record<string, string>;
  onOpen: (task: Task) => void;
  onClaim: (task: Task) => void;
  onUnclaim: (task: Task) => void;
  testId: string;
  /** 批量审批: the selected task ids; rows of another step than the first selected cannot be selected with them. */
  selected?: string[];
  onSelect?: (ids: string[]) => void;
}

/** Tasks are batched per step: the same element of the same process. */
const stepOf = (task: Task) => `${task.processKey}#${task.elementId}`;

type SortKey = 'createdAt' | 'dueAt';
type Sort = { key: SortKey; order: 'ascending' | 'descending' } | undefined;
const PAGE_SIZE = 20;

/** Keys on a row itself (not on a button inside it): open, or move to another row. */
function rowKeyDown(e: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  if (e.target !== e.currentTarget) return;
  const rows = [...(e.currentTarget.parentElement?.querySelectorAll<HTMLElement>('tr.task-row') ?? [])];
  const at = rows.indexOf(e.currentTarget);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[e.key];
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  } else if (to !== undefined && rows[to]) {
    e.preventDefault();
    rows[to].focus();
  }
}

const sortValue = (task: Task, key: SortKey) => (key === 'dueAt' ? (task.dueAt ?? '9') : task.createdAt);

export function TaskTable({
  tasks,
  loading,
  processNames,
  onOpen,
  onClaim,
  onUnclaim,
  testId,
  selected,
  onSelect,
}: TaskTableProps) {
  const t = useT();
  const { lang } = useLocale();
  const user = useUser();
  const [sort, setSort] = useState<Sort>();
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => {
    if (!sort) return tasks;
    const sign = sort.order === 'ascending' ? 1 : -1;
    return [...tasks].sort((a, b) => sign * sortValue(a, sort.key).localeCompare(sortValue(b, sort.key)));
  }, [tasks, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = sorted.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const chosen = new Set(selected ?? []);
  const chosenStep = tasks.find((task) => chosen.has(task.id));
  const selectable = (task: Task) => !chosenStep || stepOf(chosenStep) === stepOf(task);
  const toggle = (task: Task) =>
    onSelect?.(chosen.has(task.id) ? [...chosen].filter((id) => id !== task.id) : [...chosen, task.id]);

  /** A sortable header: a button cycling ascending → descending → unsorted, announced through aria-sort. */
  const sortHeader = (key: SortKey, title: string) => {
    const order = sort?.key === key ? sort.order : undefined;
    const next: Sort =
      order === undefined
        ? { key, order: 'ascending' }
        : order === 'ascending'
          ? { key, order: 'descending' }
          : undefined;
    return (
      <th scope="col" aria-sort={order ?? 'none'}>
        <button
          type="button"
          className="task-sort"
          onClick={() => setSort(next)}
          data-testid={`${testId}-sort-${key}`}
        >
          {title}
          <span aria-hidden className="task-sort-mark">
            {order === 'ascending' ? '▲' : order === 'descending' ? '▼' : '⇅'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div data-testid={testId}>
      <Spin spinning={loading && tasks.length > 0}>
        <div className="task-table-wrap">
          <table className="task-table">
            <caption className="task-table-caption">{t('nav.tasks')}</caption>
            <thead>
              <tr>
                {onSelect ? (
                  <th scope="col" className="task-select">
                    <span className="task-table-caption">{lang === 'en' ? 'Select' : '选择'}</span>
                  </th>
                ) : null}
                <th scope="col">{t('tasks.name')}</th>
                <th scope="col">{t('tasks.process')}</th>
                <th scope="col">{t('tasks.businessKey')}</th>
                {sortHeader('createdAt', t('tasks.created'))}
                {sortHeader('dueAt', t('tasks.due'))}
                <th scope="col">{t('tasks.assignee')}</th>
                <th scope="col">{t('tasks.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((task) => (
                <tr
                  key={task.id}
                  className="task-row"
                  tabIndex={0}
                  data-row-key={task.id}
                  data-testid={`task-row-${task.id}`}
                  data-element-id={task.elementId}
                  aria-label={[
                    task.name || task.elementId,
                    (task as Task & { title?: string }).title ?? '',
                    processNames[task.processKey] ?? task.processKey,
                    task.overdue ? t('tasks.overdueTag') : '',
                    task.dueAt ? `${t('tasks.due')} ${formatTime(task.dueAt)}` : '',
                  ]
                    .filter(Boolean)
                    .join('，')}
                  onKeyDown={(e) => rowKeyDown(e, () => onOpen(task))}
                  // A click anywhere on the row opens it too, except on its buttons (claim, unclaim).
                  onClick={(e: MouseEvent) => {
                    if (!(e.target as HTMLElement).closest('button, a')) onOpen(task);
                  }}
                >
                  {onSelect ? (
                    <td className="task-select">
                      <input
                        type="checkbox"
                        aria-label={`${lang === 'en' ? 'Select' : '选择'} ${task.name}`}
                        checked={chosen.has(task.id)}
                        disabled={!selectable(task)}
                        title={
                          selectable(task)
                            ? undefined
                            : lang === 'en'
                              ? 'Only tasks of the same step'
                              : '只能选择同一环节的任务'
                        }
                        onClick={(e) => e.stopPropagation()}
                        onChange={() => toggle(task)}
                        data-testid={`task-select-${task.id}`}
                      />
                    </td>
                  ) : null}
                  <td>
                    {/* The row is the tab stop; the link is for the mouse. */}
                    <Button
                      type="link"
                      tabIndex={-1}
                      style={{ padding: 0 }}
                      onClick={() => onOpen(task)}
                      data-testid={`task-open-${task.id}`}
                    >
                      {task.name || task.elementId}
                    </Button>
                    {/* What the task is about (#17): entry, problem, who started it. */}
                    {(task as Task & { title?: string }).title ? (
                      <div
                        data-testid="task-row-title"
                        style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12, maxWidth: 360 }}
                      >
                        {(task as Task & { title?: string }).title}
                      </div>
                    ) : null}
                  </td>
                  <td>{processNames[task.processKey] ?? task.processKey}</td>
                  <td>{task.businessKey || '—'}</td>
                  <td>{formatTime(task.createdAt)}</td>
                  <td>
                    <DueTag task={task} />
                  </td>
                  <td>
                    {/* An unclaimed task shows who may take it (候选角色). */}
                    {task.assignee ? (
                      <PersonName username={task.assignee} />
                    ) : (
                      <span style={{ color: '#888' }}>
                        {(task.candidateGroups ?? []).map(roleName).join('、') || '—'}
                      </span>
                    )}
                  </td>
                  <td className="task-actions">
                    {!task.assignee && task.status === 'open' ? (
                      <Button
                        size="small"
                        onClick={() => onClaim(task)}
                        data-testid={`task-claim-${task.id}`}
                      >
                        {t('tasks.claim')}
                      </Button>
                    ) : null}
                    {task.assignee === user.username && task.status === 'open' ? (
                      <Button
                        size="small"
                        onClick={() => onUnclaim(task)}
                        data-testid={`task-unclaim-${task.id}`}
                      >
                        {t('tasks.unclaim')}
                      </Button>
                    ) : null}
                    <Button size="small" type="primary" tabIndex={-1} onClick={() => onOpen(task)}>
                      {t('open')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 ? (
          loading ? (
            <div style={{ padding: 32, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />
          )
        ) : null}
      </Spin>
      {pages > 1 ? (
        <Pagination
          style={{ marginTop: 12, justifyContent: 'flex-end' }}
          size="small"
          current={current}
          pageSize={PAGE_SIZE}
          total={sorted.length}
          showSizeChanger={false}
          onChange={setPage}
        />
      ) : null}
    </div>
  );
}
