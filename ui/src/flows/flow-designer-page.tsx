/**
 * @module ui/flows/flow-designer-page: the 钉钉-style approval designer at /flows/:key and /flows/new. Opens the
 * latest version's BPMN as cards (or, when cards cannot show it, says what and offers 高级模式), edits them, and
 * publishes the next version through the modeler's deploy dialog (validation, form bindings, diff, migration).
 */
import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, type DeploymentResult, definitions, type ElementIssue } from '../api';
import { useLocale } from '../i18n';
import { invalidateProcessDefinitions, showError, showSuccess } from '../lib';
import { DeployDialog, type DeployResource } from '../pages/modeler/deploy';
import { Chain } from './card-chain';
import { CardPanel } from './card-panel';
import {
  addBranch,
  checkModel,
  emptyModel,
  findCard,
  insertCard,
  MAIN,
  moveCard,
  newCard,
  type Problem,
  removeBranch,
  removeCard,
  replaceCard,
} from './model/edit';
import { readBpmn } from './model/read-bpmn';
import type { FlowModel, Unsupported } from './model/types';
import { writeBpmn } from './model/write-bpmn';
import { useFlowWords } from './messages';
import { allFields, fieldsFor, formKeysOf } from './fields-for';
import { useFlowData, useFormFieldsByKey } from './use-flow-data';
import './flows.css';

const KEY_RE = /^[a-z][a-z0-9-]{1,62}$/;

export default function FlowDesignerPage() {
  // One route, /flows/:key; `new` is a process not yet deployed (a key must start a-z and have 2+ chars, so no clash).
  const param = useParams().key;
  const key = param === 'new' ? undefined : param;
  const navigate = useNavigate();
  const { lang } = useLocale();
  const w = useFlowWords();
  const data = useFlowData();
  const [model, setModel] = useState<FlowModel>();
  const [version, setVersion] = useState<number>();
  const [unsupported, setUnsupported] = useState<Unsupported[]>();
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<{ id: string; branch?: number }>();
  const [problems, setProblems] = useState<(Problem | ElementIssue)[]>([]);
  const [deployOpen, setDeployOpen] = useState(false);
  const [resources, setResources] = useState<DeployResource[]>([]);
  const [reload, setReload] = useState(0);
  const pendingNavigate = useRef<string>(undefined);
  // The start form's and the steps' forms' fields: conditions and pickers offer what is known at each card.
  const byForm = useFormFieldsByKey(model ? formKeysOf(model) : []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload marks a publish
  useEffect(() => {
    setSelected(undefined);
    setProblems([]);
    setDirty(false);
    if (!key) {
      setModel(emptyModel('', '', lang));
      setVersion(undefined);
      setUnsupported(undefined);
      return;
    }
    let alive = true;
    setModel(undefined);
    (async () => {
      try {
        const def = await definitions.latest(key);
        if (!alive) return;
        const r = readBpmn(def.xml);
        setVersion(def.version);
        if (r.ok) {
          setModel(r.model);
          setUnsupported(undefined);
        } else setUnsupported(r.unsupported);
      } catch (err) {
        if (!alive) return;
        if (err instanceof ApiError && err.status === 404) {
          setModel(emptyModel(key, key, lang));
          setVersion(undefined);
        } else showError(err);
      }
    })();
    return () => {
      alive = false;
    };
  }, [key, reload]);

  const change = (m: FlowModel) => {
    setModel(m);
    setDirty(true);
  };

  const publish = () => {
    if (!model) return;
    const issues: Problem[] = [];
    if (!KEY_RE.test(model.processId)) issues.push({ cardId: '', zh: w.keyRequired, en: w.keyRequired });
    if (!model.name.trim()) issues.push({ cardId: '', zh: w.nameRequired, en: w.nameRequired });
    issues.push(...checkModel(model));
    setProblems(issues);
    if (issues.length) return;
    setResources([{ name: `${model.processId}.bpmn`, content: writeBpmn(model) }]);
    setDeployOpen(true);
  };

  const onDeployed = (res: DeploymentResult) => {
    invalidateProcessDefinitions();
    setDirty(false);
    const p = res.processes[0];
    showSuccess(p ? `${w.published}：${p.key} v${p.version}` : w.published);
    if (p) {
      setVersion(p.version);
      if (p.key !== key) pendingNavigate.current = `/flows/${p.key}`;
    }
  };
  const onFailed = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'BPMN_INVALID' && Array.isArray(err.details))
      setProblems(err.details as ElementIssue[]);
    showError(err);
  };
  const closeDeploy = () => {
    setDeployOpen(false);
    const to = pendingNavigate.current;
    pendingNavigate.current = undefined;
    if (to) navigate(to, { replace: true });
    else if (!dirty) setReload((n) => n + 1);
  };

  const advancedHref = key ? `/modeler/${key}` : '/modeler';
  const switcher = (
    <Segmented
      aria-label={`${w.simple} / ${w.advanced}`}
      value="simple"
      options={[
        { value: 'simple', label: w.simple },
        { value: 'advanced', label: w.advanced },
      ]}
      onChange={(v) => v === 'advanced' && navigate(advancedHref)}
      data-testid="designer-switch"
    />
  );

  if (unsupported) {
    return (
      <Card title={`${w.title}${key ? `：${key}` : ''}`} extra={switcher}>
        <Alert
          type="warning"
          showIcon
          data-testid="flow-unsupported"
          title={w.cannotShow}
          description={
            <ul>
              {unsupported.map((u) => (
                <li key={`${u.elementId}-${u.zh}`}>{lang === 'zh' ? u.zh : u.en}</li>
              ))}
            </ul>
          }
          action={
            <Link to={advancedHref}>
              <Button type="primary">{w.openAdvanced}</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  if (!model) return <Spin style={{ display: 'block', margin: '20vh auto' }} tip={w.loading} />;

  const card = selected ? findCard(model, selected.id) : undefined;
  const fields = allFields(model, byForm);
  return (
    <Card
      title={
        <Space>
          {key ? model.name : w.newFlow}
          {version ? <Typography.Text type="secondary">v{version}</Typography.Text> : null}
          {dirty ? <Typography.Text type="warning">{w.unsaved}</Typography.Text> : null}
        </Space>
      }
      extra={
        <Space>
          {switcher}
          <Button type="primary" onClick={publish} data-testid="flow-publish">
            {w.publish}
          </Button>
        </Space>
      }
    >
      {!key || version === undefined ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            aria-label={w.processKey}
            placeholder={w.processKeyHint}
            style={{ width: 320 }}
            value={model.processId}
            disabled={Boolean(key)}
            onChange={(e) => change({ ...model, processId: e.target.value.trim() })}
            data-testid="flow-key"
          />
          <Input
            aria-label={w.processName}
            placeholder={w.processName}
            style={{ width: 240 }}
            value={model.name}
            onChange={(e) => change({ ...model, name: e.target.value })}
            data-testid="flow-name"
          />
        </Space>
      ) : null}
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="flow-problems"
          title={w.problems}
          description={
            <ul>
              {problems.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: problems are a plain list
                <li key={i}>{'zh' in p ? (lang === 'zh' ? p.zh : p.en) : p.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div className="flow-canvas" data-testid="flow-canvas" style={{ flex: 1 }}>
          <Chain
            list={MAIN}
            cards={model.chain}
            model={model}
            data={data}
            fields={fields}
            selected={selected?.id}
            onSelect={(id, branch) => setSelected({ id, branch })}
            onAdd={(slot, kind) => {
              const c = newCard(model, kind, lang);
              change(insertCard(model, slot, c));
              setSelected({ id: c.id });
            }}
            onRemove={(id) => {
              change(removeCard(model, id));
              if (selected?.id === id) setSelected(undefined);
            }}
            onMove={(id, d) => change(moveCard(model, id, d))}
          />
        </div>
        {card ? (
          <aside aria-label={card.name || w.edit} className="flow-side" data-testid="flow-side">
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {card.name}
              </Typography.Title>
              <Button
                size="small"
                type="text"
                aria-label={w.close}
                icon={<CloseOutlined />}
                onClick={() => setSelected(undefined)}
              />
            </div>
            <CardPanel
              key={`${card.id}-${selected?.branch ?? ''}`}
              model={model}
              card={card}
              branch={selected?.branch}
              data={data}
              fields={fieldsFor(model, card.id, byForm)}
              accessFields={fieldsFor(model, card.id, byForm, true)}
              onChange={(c) => change(replaceCard(model, c))}
              onModel={change}
              onAddBranch={(id) => change(addBranch(model, id, lang))}
              onRemoveBranch={(id, i) => {
                change(removeBranch(model, id, i));
                setSelected({ id });
              }}
            />
          </aside>
        ) : null}
      </div>
      <DeployDialog
        open={deployOpen}
        resources={resources}
        deploymentName={model.name}
        onClose={closeDeploy}
        onDeployed={onDeployed}
        onFailed={onFailed}
      />
    </Card>
  );
}
