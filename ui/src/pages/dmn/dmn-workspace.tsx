/**
 * @module ui/pages/dmn/dmn-workspace: the decision tables beside the modeler (#13): dmn-js opened on the decision table
 * view, one `.dmn` file per decision, new tables from a starting one (ids suggested from the diagram's business rule
 * tasks). The files live with the diagram and go into the same deployment as the process; they can also be deployed
 * alone. Loaded on demand (React.lazy) so neither dmn-js nor its styles weigh on the main bundle.
 */
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import DmnModeler from 'dmn-js/lib/Modeler';
import { useEffect, useRef, useState } from 'react';
import { ApiError, definitions, request } from '../../api';
import { showError, showSuccess } from '../../lib';
import { DECISION_ID, decisionIdsOf, newDecisionXml } from './new-decision';
import { dmnZhModule } from './translate-zh';

export interface DmnResource {
  name: string;
  content: string;
}

export interface DmnWorkspaceProps {
  lang: 'zh' | 'en';
  /** The `.dmn` files kept with the diagram. */
  resources: DmnResource[];
  onChange: (next: DmnResource[]) => void;
  /** Decision ids the diagram's business rule tasks call, offered for new tables. */
  called: string[];
}

const WORDS = {
  zh: {
    file: '决策表',
    none: '还没有决策表。新建一个，或为业务规则任务调用的决策建表。',
    newId: '决策标识（业务规则任务的 decisionId）',
    newName: '名称',
    create: '新建决策表',
    badId: '决策标识须以字母开头，只含字母、数字、下划线、点或连字符',
    exists: '已有此决策表',
    deployAlone: '单独部署决策表',
    deployed: '已部署决策：',
    withProcess: '部署流程时，这里的决策表会一同部署。',
    missing: '流程调用但尚未建表的决策：',
    remove: '移除',
    openDeployed: '打开已部署的决策表',
  },
  en: {
    file: 'Decision table',
    none: 'No decision tables yet. Create one, or one for a decision a business rule task calls.',
    newId: 'Decision id (the business rule task’s decisionId)',
    newName: 'Name',
    create: 'New decision table',
    badId: 'A decision id starts with a letter and has only letters, digits, _ . or -',
    exists: 'That decision table exists',
    deployAlone: 'Deploy the decision tables alone',
    deployed: 'Deployed decisions: ',
    withProcess: 'Deploying the process deploys these decision tables with it.',
    missing: 'Decisions the process calls with no table yet: ',
    remove: 'Remove',
    openDeployed: 'Open a deployed decision table',
  },
};

interface DeployedDecision {
  decisionId: string;
  version: number;
  name?: string | null;
  resourceName: string;
}

export default function DmnWorkspace({ lang, resources, onChange, called }: DmnWorkspaceProps) {
  const w = WORDS[lang];
  const container = useRef<HTMLDivElement>(null);
  const modeler = useRef<DmnModeler | undefined>(undefined);
  const [current, setCurrent] = useState<string | undefined>(resources[0]?.name);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string>();
  const [deployed, setDeployed] = useState<DeployedDecision[]>([]);
  const latest = useRef({ resources, onChange, current });
  latest.current = { resources, onChange, current };

  // One modeler for the workspace's life; every edit writes the file back (saveXML is cheap for a table).
  useEffect(() => {
    if (!container.current) return;
    const m = new DmnModeler({
      container: container.current,
      // per view: dmn-js replaces, not merges, a `common.additionalModules` with the view's own list
      ...(lang === 'zh'
        ? Object.fromEntries(
            ['drd', 'decisionTable', 'literalExpression', 'boxedExpression'].map((v) => [
              v,
              { additionalModules: [dmnZhModule] },
            ]),
          )
        : {}),
    });
    modeler.current = m;
    const save = async () => {
      const { resources: list, onChange: emit, current: name } = latest.current;
      if (!name) return;
      const { xml } = await m.saveXML({ format: true });
      emit(list.map((r) => (r.name === name ? { ...r, content: xml } : r)));
    };
    const watched = new WeakSet<object>();
    m.on('views.changed', () => {
      const viewer = m.getActiveViewer();
      if (!viewer || watched.has(viewer)) return;
      watched.add(viewer);
      viewer.get('eventBus').on('commandStack.changed', () => void save());
    });
    return () => {
      m.destroy();
      modeler.current = undefined;
    };
  }, [lang]);

  // What is deployed already (GET /api/decisions): opening one adds its .dmn file here, to change and deploy again.
  useEffect(() => {
    let alive = true;
    request<DeployedDecision[] | { items: DeployedDecision[] }>('/decisions').then(
      (r) => alive && setDeployed(Array.isArray(r) ? r : r.items),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  const openDeployed = async (decisionId: string) => {
    try {
      const d = await request<DeployedDecision & { xml: string }>(
        `/decisions/${encodeURIComponent(decisionId)}`,
      );
      const name = d.resourceName.endsWith('.dmn') ? d.resourceName : `${d.decisionId}.dmn`;
      if (!resources.some((r) => r.name === name)) onChange([...resources, { name, content: d.xml }]);
      setCurrent(name);
    } catch (err) {
      showError(err);
    }
  };

  // Open the chosen file on its decision table.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of file reopens; edits do not
  useEffect(() => {
    const m = modeler.current;
    const file = resources.find((r) => r.name === current);
    if (!m || !file) return;
    void (async () => {
      try {
        await m.importXML(file.content);
        const table = m.getViews().find((v) => v.type === 'decisionTable');
        if (table) await m.open(table);
        setError(undefined);
      } catch (err) {
        setError((err as Error).message);
      }
    })();
  }, [current]);

  const ids = resources.flatMap((r) => decisionIdsOf(r.content));
  const missing = called.filter((id) => !ids.includes(id));
  const create = () => {
    if (!DECISION_ID.test(newId)) return setError(w.badId);
    if (ids.includes(newId)) return setError(w.exists);
    const name = `${newId}.dmn`;
    onChange([...resources, { name, content: newDecisionXml(newId, newName || newId) }]);
    setCurrent(name);
    setNewId('');
    setNewName('');
  };
  const deployAlone = async () => {
    try {
      const res = (await definitions.deploy({ resources })) as {
        decisions?: { decisionId: string; version: number }[];
      };
      showSuccess(
        `${w.deployed}${(res.decisions ?? []).map((d) => `${d.decisionId} v${d.version}`).join('、')}`,
      );
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) setError(err.message);
      showError(err);
    }
  };

  return (
    <div data-testid="dmn-workspace">
      <Space wrap style={{ marginBottom: 8 }}>
        {resources.length ? (
          <Select
            aria-label={w.file}
            style={{ minWidth: 220 }}
            value={current}
            options={resources.map((r) => ({ value: r.name, label: r.name }))}
            onChange={setCurrent}
            data-testid="dmn-file"
          />
        ) : null}
        {deployed.length ? (
          <Select
            style={{ minWidth: 220 }}
            placeholder={w.openDeployed}
            aria-label={w.openDeployed}
            value={null}
            options={deployed.map((d) => ({
              value: d.decisionId,
              label: `${d.name || d.decisionId}（${d.decisionId} v${d.version}）`,
            }))}
            onChange={(id: string) => void openDeployed(id)}
            data-testid="dmn-open-deployed"
          />
        ) : null}
        <Input
          style={{ width: 260 }}
          placeholder={w.newId}
          aria-label={w.newId}
          value={newId}
          onChange={(e) => setNewId(e.target.value.trim())}
          data-testid="dmn-new-id"
        />
        <Input
          style={{ width: 160 }}
          placeholder={w.newName}
          aria-label={w.newName}
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          data-testid="dmn-new-name"
        />
        <Button onClick={create} data-testid="dmn-create">
          {w.create}
        </Button>
        {resources.length ? (
          <Button onClick={deployAlone} data-testid="dmn-deploy">
            {w.deployAlone}
          </Button>
        ) : null}
      </Space>
      {missing.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={
            <>
              {w.missing}
              {missing.map((id) => (
                <Button key={id} size="small" type="link" onClick={() => setNewId(id)}>
                  {id}
                </Button>
              ))}
            </>
          }
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} data-testid="dmn-error" />
      ) : null}
      {resources.length ? (
        <Typography.Text type="secondary">{w.withProcess}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{w.none}</Typography.Text>
      )}
      <div
        ref={container}
        data-testid="dmn-canvas"
        style={{
          height: 'calc(100vh - 260px)',
          minHeight: 360,
          border: '1px solid #f0f0f0',
          marginTop: 8,
          overflow: 'auto',
        }}
      />
    </div>
  );
}
