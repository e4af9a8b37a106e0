/** @module ui/pages/tasks/task-drawer: one task: its context (process, starter, history), its form, claim and complete. */
import { Alert, Button, Collapse, Descriptions, Drawer, Space, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  type CompleteResult,
  definitions,
  type HistoryEvent,
  itemsOf,
  instances,
  type Task,
  tasks as tasksApi,
} from '../../api';
import { useUser } from '../../auth';
import { DueTag, HistoryTimeline, VariablesView } from '../../components';
import { TaskApprovalRecord } from '../../components/approval-record';
import { PersonName } from '../../components/approval-record-person';
import { PreviousSteps } from '../../components/approval-record-previous';
import { type JsonSchema, localizeForm, SchemaForm, useDraftedForm } from '../../forms';
import { useLocale, useT } from '../../i18n';
import { formatTime, roleName, showError, showSuccess, useAsync } from '../../lib';
import { SameItemsPanel } from '../catalog/same-items-panel';
import { TaskActions } from './actions/task-actions';
import { completeWithOpinion } from './actions/opinion';
import { ChangeDiff, isChangeRequest } from './change-diff';
import { CompletionResult } from './completion-result';
import { prefillFor } from './prefill';

export interface TaskDrawerProps {
  taskId: string;
  processNames: Record<string, string>;
  onClose: () => void;
  onChanged: () => void;
  onOpenTask: (id: string) => void;
}

/** The next open task of the same instance that this user can act on, mine first. */
async function findNextTask(instanceId: string): Promise<Task | undefined> {
  const [mine, group] = await Promise.all([
    tasksApi.list({ scope: 'mine', processInstanceId: instanceId }),
    tasksApi.list({ scope: 'group', processInstanceId: instanceId }),
  ]);
  return [...itemsOf(mine), ...itemsOf(group)].find((t) => t.status === 'open');
}

export function TaskDrawer({ taskId, processNames, onClose, onChanged, onOpenTask }: TaskDrawerProps) {
  const t = useT();
  const { lang } = useLocale();
  const user = useUser();
  const [result, setResult] = useState<{ res: CompleteResult; next?: Task }>();
  const state = useAsync(async () => {
    const task = await tasksApi.get(taskId);
    const [history, def] = await Promise.all([
      instances
        .history(task.processInstanceId)
        .then(itemsOf)
        .catch((): HistoryEvent[] => []),
      definitions.latest(task.processKey).catch(() => undefined),
    ]);
    return { task, history, startForm: def?.startForm };
  }, [taskId]);
  const task = state.data?.task;
  const history = state.data?.history ?? [];
  const started = history.find((e) => e.type === 'instance.started');
  const startForm = state.data?.startForm;
  // What was submitted, in the reader's language where the form gives English (#17).
  const submittedForm = localizeForm(
    startForm?.schema as JsonSchema | undefined,
    startForm?.uiSchema as JsonSchema | undefined,
    lang,
  );
  // Reviewers need to see what was submitted; a task whose own form is the start form (revise) already shows it.
  const showSubmitted =
    task && startForm && task.form?.key !== startForm.key && !isChangeRequest(task.variables ?? {});
  const mineOrFree = task && (!task.assignee || task.assignee === user.username);
  const editable = task?.status === 'open' && mineOrFree;
  // 暂存 (#17): a half-written opinion survives closing, back and reload, and leaving asks first.
  const drafted = useDraftedForm('task', taskId, Boolean(editable && task?.form && !result), onClose);

  const complete = async (variables: Record<string, unknown>) => {
    const res = await completeWithOpinion(taskId, variables);
    drafted.draft.markClean();
    const next = await findNextTask(res.instance.id).catch(() => undefined);
    setResult({ res, next });
    onChanged();
  };
  const claim = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      showSuccess(done);
      state.reload();
      onChanged();
    } catch (err) {
      showError(err);
    }
  };

  const title = task ? (
    <Space wrap>
      <span data-testid="task-title">{task.name || task.elementId}</span>
      {(task as Task & { title?: string }).title ? (
        <span data-testid="task-about" style={{ fontWeight: 'normal', color: 'rgba(0,0,0,0.55)' }}>
          {(task as Task & { title?: string }).title}
        </span>
      ) : null}
      {task.overdue ? <Tag color="red">{t('tasks.overdueTag')}</Tag> : null}
      {task.status !== 'open' ? <Tag>{task.status}</Tag> : null}
    </Space>
  ) : (
    t('loading')
  );
  const extra =
    task && task.status === 'open' && !result ? (
      <Space>
        {!task.assignee ? (
          <Button
            onClick={() => claim(() => tasksApi.claim(task.id), t('tasks.claimed'))}
            data-testid="drawer-claim"
          >
            {t('tasks.claim')}
          </Button>
        ) : null}
        {task.assignee === user.username ? (
          <Button
            onClick={() => claim(() => tasksApi.unclaim(task.id), t('tasks.unclaimed'))}
            data-testid="drawer-unclaim"
          >
            {t('tasks.unclaim')}
          </Button>
        ) : null}
      </Space>
    ) : null;

  const work = task ? (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        style={{ marginBottom: 16 }}
        data-testid="task-context"
        items={[
          { key: 'p', label: t('tasks.process'), children: processNames[task.processKey] ?? task.processKey },
          { key: 'b', label: t('tasks.businessKey'), children: task.businessKey || '—' },
          {
            key: 's',
            label: t('tasks.startedBy'),
            children: <PersonName username={started?.actor} testId="task-started-by" />,
          },
          { key: 'st', label: t('instance.startedAt'), children: formatTime(started?.at) },
          { key: 'c', label: t('tasks.created'), children: formatTime(task.createdAt) },
          { key: 'd', label: t('tasks.due'), children: <DueTag task={task} /> },
          {
            key: 'a',
            label: t('tasks.assignee'),
            children: task.assignee ? (
              <PersonName username={task.assignee} testId="task-assignee" />
            ) : (
              (task.candidateGroups ?? []).map(roleName).join('、') || '—'
            ),
          },
          {
            key: 'i',
            label: t('instance.title'),
            children: <Link to={`/instances/${task.processInstanceId}`}>{t('tasks.viewInstance')}</Link>,
          },
        ]}
      />
      {isChangeRequest(task.variables ?? {}) ? <ChangeDiff variables={task.variables} /> : null}
      {task.elementId === 'authority-review' ? <SameItemsPanel variables={task.variables ?? {}} /> : null}
      {showSubmitted ? (
        <Collapse
          style={{ marginBottom: 16 }}
          defaultActiveKey={['submitted']}
          data-testid="task-submitted"
          items={[
            {
              key: 'submitted',
              label: `${t('tasks.submitted')}：${startForm.title ?? startForm.key}`,
              children: (
                <VariablesView
                  variables={task.variables ?? {}}
                  schema={submittedForm.schema}
                  uiSchema={submittedForm.uiSchema}
                  onlySchemaFields
                  testId="task-submitted-fields"
                />
              ),
            },
          ]}
        />
      ) : null}
      {/* 前序环节 (#17): what the steps before this one said and submitted. */}
      <PreviousSteps taskId={task.id} />
      {/* 审批操作 (#12): the opinion box and the operations the caller may do (actions/task-actions.tsx). */}
      <TaskActions
        task={task}
        onChanged={() => {
          state.reload();
          onChanged();
        }}
        onDone={() => {
          drafted.draft.markClean();
          onChanged();
          onClose();
        }}
      />
      {!mineOrFree ? (
        <Alert
          type="info"
          showIcon
          title={
            <>
              此任务由 <PersonName username={task.assignee} /> 办理
            </>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {task.form && drafted.draft.ready ? (
        <div {...drafted.touchProps}>
          {drafted.notice}
          <SchemaForm
            key={`${task.id}:${drafted.draft.generation}`}
            schema={task.form.schema as JsonSchema}
            uiSchema={task.form.uiSchema as JsonSchema}
            formData={
              drafted.draft.restored?.data ??
              prefillFor(task.form.schema, task.form.uiSchema, task.variables ?? {})
            }
            formContext={{ unitId: user.unitId, variables: task.variables, task }}
            readonly={!editable}
            submitText={t('tasks.complete')}
            onSubmit={complete}
            onChange={drafted.draft.track}
            actions={drafted.saveButton}
            testId="task-form"
          />
        </div>
      ) : task.form ? (
        <Spin />
      ) : (
        <Space orientation="vertical">
          <Alert type="info" showIcon title={t('tasks.noForm')} />
          {editable ? (
            <Button type="primary" data-testid="form-submit" onClick={() => complete({}).catch(showError)}>
              {t('tasks.complete')}
            </Button>
          ) : null}
        </Space>
      )}
    </>
  ) : null;

  return (
    <Drawer
      open
      size={920}
      title={title}
      extra={extra}
      onClose={drafted.requestLeave}
      destroyOnHidden
      data-testid="task-drawer"
      rootClassName="task-drawer-root"
    >
      {drafted.modal}
      {state.loading && !task ? <Spin /> : null}
      {state.error && !task ? <Alert type="error" showIcon title={(state.error as Error).message} /> : null}
      {result ? (
        <CompletionResult result={result.res} next={result.next} onOpenTask={onOpenTask} onClose={onClose} />
      ) : task ? (
        <Tabs
          items={[
            { key: 'work', label: t('tasks.complete'), children: work },
            {
              key: 'history',
              label: t('tasks.history'),
              children: (
                <TaskApprovalRecord
                  taskId={task.id}
                  technical={<HistoryTimeline events={history} compact />}
                />
              ),
            },
            {
              key: 'vars',
              label: t('tasks.variables'),
              children: (
                <VariablesView
                  variables={task.variables ?? {}}
                  schema={submittedForm.schema}
                  uiSchema={submittedForm.uiSchema}
                />
              ),
            },
          ]}
        />
      ) : null}
    </Drawer>
  );
}
