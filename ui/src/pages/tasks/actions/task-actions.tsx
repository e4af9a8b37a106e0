/**
 * @module ui/pages/tasks/actions/task-actions: in the task drawer, the opinion box and a button for each approval
 * operation the caller may do on this task (退回, 转办, 委派, 交还, 加签, 减签, 抄送); 同意 is the form's own submit,
 * which sends the opinion (./opinion.ts). Each operation asks in a small dialog (target step, person, mode) and
 * reports the server's refusal in its words.
 */
import { Alert, Button, Checkbox, Input, List, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Task } from '../../../api';
import { useUser } from '../../../auth';
import { showError, showSuccess } from '../../../lib';
import { approvals, type ReturnTarget, type SignerMode } from './api';
import { useActionsText } from './messages';
import { setOpinion, useOpinion } from './opinion';
import { UserPicker } from './user-picker';

type Op = 'return' | 'transfer' | 'delegate' | 'addSigners' | 'removeSigners' | 'cc';

export interface TaskActionsProps {
  task: Task;
  /** After an act that changed the task (the drawer reloads it, the inbox refreshes). */
  onChanged: () => void;
  /** After an act that took the task away from the caller (return, transfer, delegate, resolve). */
  onDone: () => void;
}

export function TaskActions({ task, onChanged, onDone }: TaskActionsProps) {
  const text = useActionsText();
  const user = useUser();
  const [opinion, setText] = useOpinion(task.id);
  const [op, setOp] = useState<Op>();
  const [people, setPeople] = useState<string[]>([]);
  const [mode, setMode] = useState<SignerMode>('before');
  const [targets, setTargets] = useState<ReturnTarget[]>();
  const [target, setTarget] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [signers, setSigners] = useState<string[]>();
  if (task.status !== 'open') return null;

  const holder = task.assignee === user.username || !task.assignee;
  const delegatedToMe = Boolean(task.owner) && task.assignee === user.username;
  const delegatedByMe = task.owner === user.username;
  // Someone else's task (claimed by another) offers nothing here; the drawer says who holds it.
  if (!holder && !delegatedByMe) return null;

  const open = async (next: Op) => {
    setPeople([]);
    setTarget(undefined);
    setOp(next);
    if (next === 'removeSigners') {
      // The signers are whoever holds another open task of this step (their tasks are items of the same element).
      setSigners(undefined);
      approvals
        .openTasksOf(task.processInstanceId)
        .then((r) =>
          setSigners([
            ...new Set(
              r.items
                .filter((t) => t.elementId === task.elementId && t.id !== task.id && t.assignee)
                .map((t) => t.assignee as string),
            ),
          ]),
        )
        .catch(() => setSigners([]));
    }
    if (next === 'return') {
      setTargets(undefined);
      try {
        setTargets(await approvals.returnTargets(task.id));
      } catch (err) {
        setTargets([]);
        showError(err);
      }
    }
  };

  const run = async (fn: () => Promise<unknown>, done: string, leaves: boolean) => {
    setBusy(true);
    try {
      await fn();
      showSuccess(done);
      setOp(undefined);
      setOpinion(task.id, '');
      if (leaves) onDone();
      else onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (!op) return;
    switch (op) {
      case 'return':
        if (!target) return;
        if (!opinion.trim()) return showError(new Error(text.opinionRequired));
        return run(() => approvals.returnTo(task.id, target, opinion.trim()), text.done.return, true);
      case 'transfer':
        return run(() => approvals.transfer(task.id, people[0], opinion), text.done.transfer, true);
      case 'delegate':
        return run(() => approvals.delegate(task.id, people[0], opinion), text.done.delegate, false);
      case 'addSigners':
        // 前加签 closes the holder's task until the signers have signed: the drawer has nothing left to do.
        return run(
          () => approvals.addSigners(task.id, people, mode, opinion),
          text.done.addSigners,
          mode === 'before',
        );
      case 'removeSigners':
        return run(() => approvals.removeSigners(task.id, people), text.done.removeSigners, false);
      case 'cc':
        return run(() => approvals.cc(task.id, people, opinion), text.done.cc, false);
    }
  };

  const button = (key: Op, danger = false) => (
    <Button key={key} danger={danger} onClick={() => open(key)} data-testid={`op-${key}`}>
      {text[key]}
    </Button>
  );
  const needsPeople = op && op !== 'return' && op !== 'removeSigners';
  const ready = op === 'return' ? Boolean(target) && Boolean(opinion.trim()) : people.length > 0;

  return (
    <div className="task-ops" style={{ marginBottom: 16 }} data-testid="task-actions">
      {delegatedToMe ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={text.delegatedBy(task.owner as string)}
        />
      ) : null}
      {delegatedByMe ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={text.delegatedTo(task.assignee as string)}
        />
      ) : null}
      <Typography.Text strong>{text.opinion}</Typography.Text>
      <Input.TextArea
        aria-label={text.opinion}
        placeholder={text.opinionPlaceholder}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        value={opinion}
        onChange={(e) => setText(e.target.value)}
        style={{ margin: '4px 0 8px' }}
        data-testid="op-opinion"
      />
      <Space wrap>
        {holder && !task.owner
          ? [
              button('return', true),
              button('transfer'),
              button('delegate'),
              button('addSigners'),
              button('removeSigners'),
            ]
          : null}
        {delegatedToMe ? (
          <Button
            type="primary"
            loading={busy}
            onClick={() => run(() => approvals.resolve(task.id, opinion), text.done.resolve, true)}
            data-testid="op-resolve"
          >
            {text.resolve}
          </Button>
        ) : null}
        {button('cc')}
      </Space>
      <Modal
        open={op !== undefined}
        title={op ? text[op] : ''}
        okText={text.ok}
        cancelText={text.cancel}
        onOk={submit}
        onCancel={() => setOp(undefined)}
        okButtonProps={{ disabled: !ready, loading: busy, 'data-testid': 'op-confirm' } as never}
        destroyOnHidden
        data-testid="op-dialog"
      >
        {op === 'return' ? (
          targets === undefined ? null : targets.length === 0 ? (
            <Alert type="info" showIcon title={text.returnTargetsNone} />
          ) : (
            <Radio.Group value={target} onChange={(e) => setTarget(e.target.value)} style={{ width: '100%' }}>
              <List
                size="small"
                header={text.returnTo}
                dataSource={targets}
                renderItem={(t) => (
                  <List.Item>
                    <Radio value={t.elementId} data-testid={`op-return-target-${t.elementId}`}>
                      {t.name || t.elementId}
                      {t.lastAssignee ? (
                        <Typography.Text type="secondary">
                          （{text.lastAssignee}：{t.lastAssignee}）
                        </Typography.Text>
                      ) : null}
                    </Radio>
                  </List.Item>
                )}
              />
            </Radio.Group>
          )
        ) : null}
        {op === 'addSigners' ? (
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            style={{ marginBottom: 12 }}
            data-testid="op-mode"
          >
            <Space orientation="vertical">
              <Radio value="before" data-testid="op-mode-before">
                {text.modeBefore}
              </Radio>
              <Radio value="after" data-testid="op-mode-after">
                {text.modeAfter}
              </Radio>
              <Radio value="parallel" data-testid="op-mode-parallel">
                {text.modeParallel}
              </Radio>
            </Space>
          </Radio.Group>
        ) : null}
        {op === 'removeSigners' ? (
          signers === undefined ? null : signers.length === 0 ? (
            <Alert type="info" showIcon title={text.noSigners} />
          ) : (
            <Checkbox.Group
              value={people}
              onChange={(v) => setPeople(v as string[])}
              options={signers.map((u) => ({ value: u, label: u }))}
              data-testid="op-signers"
            />
          )
        ) : null}
        {needsPeople ? (
          <UserPicker
            multiple={op === 'addSigners' || op === 'cc'}
            value={people}
            onChange={setPeople}
            defaultUnitId={op === 'cc' ? undefined : task.unitId}
            testId="op-picker"
          />
        ) : null}
        {op && op !== 'removeSigners' ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {text.opinion}：{opinion.trim() || '—'}
          </Typography.Paragraph>
        ) : null}
      </Modal>
    </div>
  );
}
