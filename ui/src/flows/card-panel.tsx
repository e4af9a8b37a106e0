/**
 * @module ui/flows/card-panel: the side panel that edits the selected card with pickers — roles, units, people,
 * 审批方式, forms, working-day deadlines, field access, branch conditions from the start form's fields — never
 * with expressions. What a card keeps from 高级模式 is shown read-only.
 */
import { Alert, Button, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocale } from '../i18n';
import {
  COUNTERSIGN_LABELS,
  COUNTERSIGN_MODES,
  type CountersignMode,
} from '../pages/modeler/templates/countersign';
import { ConditionEditor } from './condition-editor';
import {
  decisionAfter,
  inParallel,
  type OnReject,
  onRejectOf,
  ownerOfResult,
  rejectResultOf,
  returnTargets,
  setOnReject,
  setStartForm,
  setTimerAction,
  timerAction,
  type TimerAction,
} from './model/edit';
import type {
  BranchCard,
  Card,
  FieldAccess,
  FlowModel,
  NotifyCard,
  TaskCard,
  TimerCard,
  Who,
} from './model/types';
import { type FlowWords, useFlowWords } from './messages';
import { cardSummary } from './summary';
import { type FieldOption, type FlowData, searchUsers } from './use-flow-data';

export interface PanelProps {
  model: FlowModel;
  card: Card;
  branch?: number;
  data: FlowData;
  /** Fields known when this card runs (start form, earlier steps' forms). */
  fields: FieldOption[];
  /** The same and the card's own form's fields, for field access. */
  accessFields?: FieldOption[];
  onChange: (card: Card) => void;
  onModel: (m: FlowModel) => void;
  onAddBranch: (splitId: string) => void;
  onRemoveBranch: (splitId: string, index: number) => void;
}

const Label = ({ children }: { children: string }) => (
  <Typography.Text strong style={{ display: 'block', marginTop: 12, marginBottom: 4 }}>
    {children}
  </Typography.Text>
);

function UsersPicker({
  value,
  onChange,
  label,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  label: string;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const load = (q: string) => void searchUsers(q).then(setOptions, () => setOptions([]));
  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => load(''), []);
  return (
    <Select
      mode="multiple"
      optionFilterProp="label"
      aria-label={label}
      style={{ width: '100%' }}
      value={value}
      options={[
        ...options,
        ...value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v })),
      ]}
      onSearch={load}
      filterOption={false}
      onChange={onChange}
      data-testid="panel-users"
    />
  );
}

function WhoEditor({
  who,
  onChange,
  data,
  fields,
  w,
  handler,
}: {
  who: Who;
  onChange: (w: Who) => void;
  data: FlowData;
  fields: FieldOption[];
  w: FlowWords;
  handler: boolean;
}) {
  const { lang } = useLocale();
  const kinds: [Who['kind'], string][] = [
    ['role', w.byRole],
    ['users', w.byUsers],
    ['starter', w.byStarter],
    ['starterLeader', w.byStarterLeader],
    ['field', w.byField],
  ];
  const role = who.kind === 'role' ? data.roles.find((r) => r.key === who.role) : undefined;
  return (
    <>
      <Label>{handler ? w.whoHandler : w.who}</Label>
      {who.kind === 'raw' ? (
        <Alert
          type="info"
          showIcon
          title={`${w.byRaw}：${[who.assignee, who.candidateGroups, who.candidateUsers].filter(Boolean).join(' / ')}`}
        />
      ) : null}
      <Radio.Group
        aria-label={handler ? w.whoHandler : w.who}
        value={who.kind}
        onChange={(e) => {
          const k = e.target.value as Who['kind'];
          onChange(
            k === 'role'
              ? { kind: 'role', role: '' }
              : k === 'users'
                ? { kind: 'users', users: [] }
                : k === 'field'
                  ? { kind: 'field', field: '' }
                  : k === 'starter'
                    ? { kind: 'starter' }
                    : { kind: 'starterLeader' },
          );
        }}
      >
        <Space direction="vertical">
          {kinds.map(([k, l]) => (
            <Radio key={k} value={k}>
              {l}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {who.kind === 'role' ? (
        <>
          <Label>{w.role}</Label>
          <Select
            aria-label={w.role}
            data-testid="panel-role"
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            value={who.role || undefined}
            options={data.roles.map((r) => ({ value: r.key, label: lang === 'zh' ? r.name : r.nameEn }))}
            onChange={(v) =>
              onChange({ kind: 'role', role: v, ...(who.unitId !== undefined ? { unitId: who.unitId } : {}) })
            }
          />
          <Label>{w.scope}</Label>
          <Radio.Group
            aria-label={w.scope}
            value={who.unitId !== undefined ? 'unit' : 'auto'}
            onChange={(e) =>
              onChange(e.target.value === 'unit' ? { ...who, unitId: '' } : { kind: 'role', role: who.role })
            }
          >
            <Radio value="auto">{role?.countyWide ? w.scopeCounty : w.scopeStarter}</Radio>
            <Radio value="unit">{w.scopeUnit}</Radio>
          </Radio.Group>
          {who.unitId !== undefined ? (
            <Select
              aria-label={w.unit}
              showSearch
              optionFilterProp="label"
              style={{ width: '100%', marginTop: 8 }}
              value={who.unitId || undefined}
              options={data.units}
              onChange={(v) => onChange({ ...who, unitId: v })}
            />
          ) : null}
        </>
      ) : null}
      {who.kind === 'users' ? (
        <>
          <Label>{w.users}</Label>
          <UsersPicker
            label={w.users}
            value={who.users}
            onChange={(users) => onChange({ kind: 'users', users })}
          />
        </>
      ) : null}
      {who.kind === 'field' ? (
        <>
          <Label>{w.field}</Label>
          <Select
            aria-label={w.field}
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            value={who.field || undefined}
            options={fields.map((f) => ({ value: f.key, label: f.title }))}
            onChange={(v) => onChange({ kind: 'field', field: v })}
          />
        </>
      ) : null}
    </>
  );
}

function TaskEditor({
  card,
  model,
  onChange,
  onModel,
  data,
  fields,
  accessFields,
  w,
}: {
  card: TaskCard;
  model: FlowModel;
  onChange: (c: Card) => void;
  onModel: (m: FlowModel) => void;
  data: FlowData;
  fields: FieldOption[];
  accessFields: FieldOption[];
  w: FlowWords;
}) {
  const { lang } = useLocale();
  const onReject = onRejectOf(model, card.id);
  // With a 不同意时 other than 继续, the 审批结果 condition follows the step's mode: change both together.
  const set = (patch: Partial<TaskCard>) => {
    const next = { ...card, ...patch } as TaskCard;
    if (onReject.kind !== 'go') onModel(setOnReject(model, next, onReject, lang));
    else onChange(next);
  };
  return (
    <>
      <WhoEditor
        who={card.who}
        onChange={(who) => set({ who })}
        data={data}
        fields={fields}
        w={w}
        handler={card.kind === 'handler'}
      />
      {card.kind === 'approver' ? (
        <>
          <Label>{w.mode}</Label>
          <Radio.Group
            aria-label={w.mode}
            value={card.mode}
            onChange={(e) => set({ mode: e.target.value as CountersignMode })}
          >
            <Space direction="vertical">
              {COUNTERSIGN_MODES.map((m) => (
                <Radio key={m} value={m}>
                  {lang === 'zh' ? COUNTERSIGN_LABELS[m].zh : COUNTERSIGN_LABELS[m].en}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {lang === 'zh' ? COUNTERSIGN_LABELS[m].hintZh : COUNTERSIGN_LABELS[m].hintEn}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          {card.mode === 'ratio' ? (
            <>
              <Label>{w.percent}</Label>
              <InputNumber
                aria-label={w.percent}
                min={1}
                max={100}
                value={card.percent}
                onChange={(v) => set({ percent: v ?? undefined })}
                style={{ marginTop: 8 }}
              />
            </>
          ) : null}
        </>
      ) : null}
      {card.kind === 'approver' ? (
        <OnRejectEditor card={card} model={model} value={onReject} onModel={onModel} w={w} />
      ) : null}
      <Label>{w.form}</Label>
      <Select
        aria-label={w.form}
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: '100%' }}
        placeholder={w.noForm}
        value={card.formKey}
        options={data.forms}
        onChange={(v) => set({ formKey: v || undefined })}
      />
      <Label>{w.due}</Label>
      {card.due && 'raw' in card.due ? (
        <Typography.Text code>{card.due.raw}</Typography.Text>
      ) : (
        <InputNumber
          aria-label={w.due}
          min={1}
          max={365}
          value={card.due?.workdays}
          onChange={(v) => set({ due: v ? { workdays: v } : undefined })}
        />
      )}
      {accessFields.length ? (
        <>
          <Label>{w.fieldAccess}</Label>
          {accessFields.map((f) => (
            <div key={f.key} style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
              <span>{f.title}</span>
              <Select
                size="small"
                aria-label={`${w.fieldAccess} ${f.title}`}
                style={{ width: 110 }}
                value={card.fieldAccess?.[f.key] ?? ''}
                options={[
                  { value: '', label: w.inherit },
                  ...(['edit', 'read', 'hidden'] as FieldAccess[]).map((a) => ({
                    value: a,
                    label: w.access[a],
                  })),
                ]}
                onChange={(v) => {
                  const next = { ...(card.fieldAccess ?? {}) };
                  if (v) next[f.key] = v as FieldAccess;
                  else delete next[f.key];
                  set({ fieldAccess: Object.keys(next).length ? next : undefined });
                }}
              />
            </div>
          ))}
        </>
      ) : null}
    </>
  );
}

/**
 * 不同意时, as 钉钉审批 offers it: 继续, 结束, 退回发起人, 退回到上一审批节点, 退回到指定节点 (a step on the way here).
 * Inside a parallel branch only 继续/结束: a return from there would leave the other branch's join waiting.
 */
function OnRejectEditor({
  card,
  model,
  value,
  onModel,
  w,
}: {
  card: TaskCard;
  model: FlowModel;
  value: OnReject;
  onModel: (m: FlowModel) => void;
  w: FlowWords;
}) {
  const { lang } = useLocale();
  const targets = returnTargets(model, card.id);
  const parallel = inParallel(model, card.id);
  // 指定节点 may name the previous step too; remember the choice so the radio does not jump to 上一审批节点.
  const [named, setNamed] = useState(false);
  // A step followed by an 审批结果 drawn in 高级模式 (the shipped 退回 loops) decides there: say so, offer nothing.
  const drawn = decisionAfter(model, card.id);
  if (drawn && !rejectResultOf(model, card.id)) {
    return (
      <>
        <Label>{w.onReject}</Label>
        <Typography.Paragraph type="secondary">
          {w.rejectByResult.replace('{result}', drawn.name || drawn.id)}
        </Typography.Paragraph>
      </>
    );
  }
  const choice =
    value.kind === 'goto' ? (named || value.target !== targets[0]?.id ? 'node' : 'previous') : value.kind;
  const pick = (k: string) => {
    setNamed(k === 'node');
    const on: OnReject =
      k === 'previous'
        ? { kind: 'goto', target: targets[0]?.id ?? '' }
        : k === 'node'
          ? { kind: 'goto', target: (targets[1] ?? targets[0])?.id ?? '' }
          : ({ kind: k } as OnReject);
    onModel(setOnReject(model, card, on, lang));
  };
  return (
    <>
      <Label>{w.onReject}</Label>
      <Radio.Group aria-label={w.onReject} value={choice} onChange={(e) => pick(e.target.value)}>
        <Space direction="vertical">
          <Radio value="go">{w.rejectGoesOn}</Radio>
          <Radio value="end">{w.rejectEnds}</Radio>
          <Radio value="starter" disabled={parallel}>
            {w.rejectToStarter}
          </Radio>
          <Radio value="previous" disabled={!targets.length}>
            {w.rejectToPrevious}
            {targets.length ? `（${targets[0].name || targets[0].id}）` : ''}
          </Radio>
          <Radio value="node" disabled={!targets.length}>
            {w.rejectToNode}
          </Radio>
        </Space>
      </Radio.Group>
      {parallel ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
          {w.rejectInParallel}
        </Typography.Paragraph>
      ) : !targets.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
          {w.rejectNoTarget}
        </Typography.Paragraph>
      ) : null}
      {choice === 'node' && value.kind === 'goto' ? (
        <>
          <Label>{w.rejectTarget}</Label>
          <Select
            aria-label={w.rejectTarget}
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            value={value.target}
            options={targets.map((t) => ({ value: t.id, label: t.name || t.id }))}
            onChange={(target) => onModel(setOnReject(model, card, { kind: 'goto', target }, lang))}
          />
        </>
      ) : null}
    </>
  );
}

function NotifyEditor({
  card,
  onChange,
  data,
  w,
}: {
  card: NotifyCard;
  onChange: (c: Card) => void;
  data: FlowData;
  w: FlowWords;
}) {
  const { lang } = useLocale();
  return (
    <>
      <Label>{w.to}</Label>
      <Select
        mode="multiple"
        optionFilterProp="label"
        aria-label={w.to}
        style={{ width: '100%' }}
        value={card.to}
        options={[
          { value: 'initiator', label: w.initiator },
          ...data.roles.map((r) => ({ value: r.key, label: lang === 'zh' ? r.name : r.nameEn })),
        ]}
        onChange={(to) => onChange({ ...card, to })}
      />
      <Label>{w.notifyTitle}</Label>
      <Input
        aria-label={w.notifyTitle}
        value={card.title}
        onChange={(e) => onChange({ ...card, title: e.target.value })}
      />
      <Label>{w.notifyBody}</Label>
      <Input.TextArea
        aria-label={w.notifyBody}
        value={card.body}
        onChange={(e) => onChange({ ...card, body: e.target.value })}
      />
    </>
  );
}

function TimerEditor({
  card,
  model,
  onChange,
  w,
}: {
  card: TimerCard;
  model: FlowModel;
  onChange: (c: Card) => void;
  w: FlowWords;
}) {
  const { lang } = useLocale();
  const action = timerAction(card);
  if ('raw' in card.when || action === null) return <Alert type="info" showIcon title={w.lockedHint} />;
  const days = card.when.workdays;
  return (
    <>
      <Label>{w.deadline}</Label>
      <InputNumber
        aria-label={w.deadline}
        min={1}
        max={365}
        value={days}
        onChange={(v) =>
          v &&
          onChange({ ...card, when: { ...(card.when as { workdays: number; daily: boolean }), workdays: v } })
        }
      />
      <Label>{w.afterDeadline}</Label>
      <Radio.Group
        aria-label={w.afterDeadline}
        value={action}
        onChange={(e) => onChange(setTimerAction(model, card, e.target.value as TimerAction, lang))}
      >
        <Space direction="vertical">
          <Radio value="remind">{w.remind}</Radio>
          <Radio value="approve">{w.autoApprove}</Radio>
          <Radio value="return">{w.autoReturn}</Radio>
          <Radio value="starter">{w.autoReturnStarter}</Radio>
        </Space>
      </Radio.Group>
    </>
  );
}

function BranchEditor({
  card,
  branch,
  onChange,
  fields,
  w,
  onAddBranch,
  onRemoveBranch,
}: {
  card: BranchCard;
  branch?: number;
  onChange: (c: Card) => void;
  fields: FieldOption[];
  w: FlowWords;
} & Pick<PanelProps, 'onAddBranch' | 'onRemoveBranch'>) {
  const setBranch = (i: number, patch: Partial<BranchCard['branches'][number]>) =>
    onChange({ ...card, branches: card.branches.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const shown = branch === undefined ? card.branches.map((_, i) => i) : [branch];
  return (
    <>
      {shown.map((i) => {
        const b = card.branches[i];
        return (
          <div key={b.flowId} style={{ borderTop: '1px solid #eee', paddingTop: 8, marginTop: 8 }}>
            <Label>{w.branchName}</Label>
            <Input
              aria-label={w.branchName}
              value={b.name}
              onChange={(e) => setBranch(i, { name: e.target.value })}
            />
            {card.kind === 'condition' ? (
              b.condition === null ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {w.defaultBranch}
                </Typography.Paragraph>
              ) : (
                <ConditionEditor
                  value={b.condition}
                  fields={fields}
                  onChange={(condition) => setBranch(i, { condition })}
                  w={w}
                />
              )
            ) : null}
            {card.branches.length > 2 && !(card.kind === 'condition' && b.condition === null) ? (
              <Button danger size="small" style={{ marginTop: 8 }} onClick={() => onRemoveBranch(card.id, i)}>
                {w.removeBranch}
              </Button>
            ) : null}
          </div>
        );
      })}
      <Button style={{ marginTop: 12 }} onClick={() => onAddBranch(card.id)}>
        {w.addBranch}
      </Button>
    </>
  );
}

/** The panel's body for one card. */
export function CardPanel(p: PanelProps) {
  const w = useFlowWords();
  const { lang } = useLocale();
  const { card } = p;
  // An 审批结果 made by a step's 不同意时 is changed there, not in 高级模式.
  const owner = card.kind === 'decision' ? ownerOfResult(p.model, card.id) : undefined;
  const nameEditable = card.kind !== 'locked' && card.kind !== 'decision' && card.kind !== 'end';
  return (
    <div data-testid="flow-panel">
      {nameEditable ? (
        <>
          <Label>{w.name}</Label>
          <Input
            aria-label={w.name}
            value={card.name}
            onChange={(e) => p.onChange({ ...card, name: e.target.value } as Card)}
            data-testid="panel-name"
          />
        </>
      ) : null}
      {card.kind === 'approver' || card.kind === 'handler' ? (
        <TaskEditor
          card={card}
          model={p.model}
          onChange={p.onChange}
          onModel={p.onModel}
          data={p.data}
          fields={p.fields}
          accessFields={p.accessFields ?? p.fields}
          w={w}
        />
      ) : null}
      {card.kind === 'cc' || card.kind === 'notify' ? (
        <NotifyEditor card={card} onChange={p.onChange} data={p.data} w={w} />
      ) : null}
      {card.kind === 'timer' ? <TimerEditor card={card} model={p.model} onChange={p.onChange} w={w} /> : null}
      {card.kind === 'condition' || card.kind === 'parallel' ? (
        <BranchEditor
          card={card}
          branch={p.branch}
          onChange={p.onChange}
          fields={p.fields}
          w={w}
          onAddBranch={p.onAddBranch}
          onRemoveBranch={p.onRemoveBranch}
        />
      ) : null}
      {card.kind === 'start' ? (
        <>
          <Label>{w.starters}</Label>
          <Select
            mode="multiple"
            optionFilterProp="label"
            aria-label={w.starters}
            style={{ width: '100%' }}
            value={p.model.starters}
            options={p.data.roles.map((r) => ({ value: r.key, label: lang === 'zh' ? r.name : r.nameEn }))}
            onChange={(starters) => p.onModel({ ...p.model, starters })}
          />
          <Label>{w.startForm}</Label>
          <Select
            aria-label={w.startForm}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            value={card.formKey}
            options={p.data.forms}
            onChange={(v) => p.onModel(setStartForm(p.model, v || undefined))}
          />
        </>
      ) : null}
      {card.kind === 'locked' || card.kind === 'decision' ? (
        <>
          <Alert
            type="info"
            showIcon
            title={owner ? w.resultHint.replace('{step}', owner.name || owner.id) : w.lockedHint}
            style={{ marginTop: 12 }}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginTop: 12 }}>
            {cardSummary(card, p.model, p.data, w, lang)}
          </Typography.Paragraph>
        </>
      ) : null}
    </div>
  );
}
