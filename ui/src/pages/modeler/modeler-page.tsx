/**
 * @module ui/pages/modeler: design a process in BPMN (bpmn-js + zeebe properties panel), open any version, deploy,
 * download; live check by the server's rules, step templates, diff with the deployed version, token simulation.
 */
import { CloudUploadOutlined, FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Select, Space, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, type DeploymentResult, definitions, type ElementIssue } from '../../api';
import { fitWithMargin } from '../../diagram/fit';
import { useLocale } from '../../i18n';
import { invalidateProcessDefinitions, showError, showSuccess } from '../../lib';
import { type DeployResource, DeployDialog } from './deploy';
import { keepClearOfPalette } from './authoring';
import { DesignerSwitch } from '../../flows/links';
import { DiffSummary } from './diff-summary';
import { DmnButton } from './dmn-drawer';
import { extrasText } from './extras-messages';
import { ExtrasToolbar } from './extras-toolbar';
import { newDiagramXml } from './new-diagram';
import { DeployProblems, DownloadMenu } from './page-parts';
import { clearProblems, processOf, showProblems } from './problems';
import { useDeployedDiff } from './use-deployed-diff';
import { useLintIssues } from './use-lint-issues';
import { useModeler } from './use-modeler';
import { useSimulation } from './use-simulation';

export default function ModelerPage() {
  const { key } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { lang, t } = useLocale();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const xmlRef = useRef<string | undefined>(undefined);
  const [dirty, setDirty] = useState(false);
  const [latest, setLatest] = useState<number>();
  const [loadedVersion, setLoadedVersion] = useState<number>();
  const [problems, setProblems] = useState<ElementIssue[]>([]);
  const [deploying, setDeploying] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const { modeler, generation } = useModeler(canvasRef, panelRef, lang, () => setDirty(true));
  const wanted = params.get('version') ? Number(params.get('version')) : undefined;
  const text = extrasText(lang);
  const lintIssues = useLintIssues(modeler);
  const [simulating, simulate] = useSimulation(modeler);
  const [diffOn, setDiffOn] = useState(false);
  const deployed = useDeployedDiff(modeler, key, diffOn, latest, {
    added: text('added'),
    changed: text('changed'),
    moved: text('moved'),
  });

  // Keep the latest XML so a rebuilt modeler (language switch) shows the same diagram.
  const snapshot = useCallback(async () => {
    if (modeler) xmlRef.current = (await modeler.saveXML({ format: true })).xml;
  }, [modeler]);

  const importXml = useCallback(
    async (xml: string) => {
      if (!modeler) return;
      try {
        const { warnings } = await modeler.importXML(xml);
        if (warnings.length) console.warn('[modeler] import warnings', warnings);
        fitWithMargin(modeler.get<any>('canvas'));
        keepClearOfPalette(modeler.get<any>('canvas'), canvasRef.current);
        xmlRef.current = xml;
        setProblems([]);
        setDirty(false);
        setLoadError(undefined);
      } catch (err) {
        setLoadError((err as Error).message);
      }
    },
    [modeler],
  );

  // Load: the requested version, the latest, or a new diagram; re-import after a language switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation marks a new modeler instance
  useEffect(() => {
    if (!modeler) return;
    if (xmlRef.current && generation > 1 && loadedVersion === (wanted ?? latest)) {
      void importXml(xmlRef.current);
      return;
    }
    if (!key) {
      setLatest(undefined);
      setLoadedVersion(undefined);
      void importXml(newDiagramXml());
      return;
    }
    let alive = true;
    (async () => {
      try {
        const head = await definitions.latest(key);
        const def = wanted && wanted !== head.version ? await definitions.version(key, wanted) : head;
        if (!alive) return;
        setLatest(head.version);
        setLoadedVersion(def.version);
        await importXml(def.xml);
      } catch (err) {
        if (!alive) return;
        if (err instanceof ApiError && err.status === 404) {
          // A key with no deployment yet: start a new diagram with that process id.
          setLatest(undefined);
          setLoadedVersion(undefined);
          await importXml(newDiagramXml(key, key));
        } else showError(err);
      }
    })();
    return () => {
      alive = false;
    };
  }, [modeler, generation, key, wanted]);

  // saveXML is async: taken only when the old modeler goes (language switch), it landed after the new one had
  // re-imported the stale XML and the edits were lost. Keep the snapshot current after every edit instead.
  useEffect(() => {
    if (!modeler) return;
    const onChange = () => void snapshot();
    modeler.on('commandStack.changed', onChange);
    return () => modeler.off('commandStack.changed', onChange);
  }, [modeler, snapshot]);

  const [deployOpen, setDeployOpen] = useState(false);
  const [deployResources, setDeployResources] = useState<DeployResource[]>([]);
  const [deployName, setDeployName] = useState<string>();
  /** Decision tables drawn beside the diagram (#13): deployed with it. */
  const [dmnFiles, setDmnFiles] = useState<DeployResource[]>([]);
  const pendingNavigate = useRef<string | undefined>(undefined);

  /** Opens the deploy dialog with the canvas as it is now; the dialog deploys, reports and offers migration. */
  const deploy = async () => {
    if (!modeler) return;
    simulate(false); // the simulation colours elements and blocks editing; a deploy ends it
    setDeploying(true);
    try {
      const { xml = '' } = await modeler.saveXML({ format: true });
      const proc = processOf(modeler);
      setDeployResources([{ name: `${proc?.id ?? 'process'}.bpmn`, content: xml }, ...dmnFiles]);
      setDeployName(proc?.name ?? proc?.id);
      setDeployOpen(true);
    } catch (err) {
      showError(err);
    } finally {
      setDeploying(false);
    }
  };

  const onDeployed = (res: DeploymentResult) => {
    if (!modeler) return;
    clearProblems(modeler);
    setProblems([]);
    setDirty(false);
    invalidateProcessDefinitions();
    const p = res.processes[0];
    showSuccess(p ? `${t('modeler.deployed')}：${p.key} v${p.version}` : t('modeler.deployed'));
    if (p) {
      setLatest(p.version);
      setLoadedVersion(p.version);
      xmlRef.current = deployResources[0]?.content;
      // after the dialog closes: a new route would unmount it while it offers the migration
      if (p.key !== key || wanted) pendingNavigate.current = `/modeler/${p.key}`;
    }
  };

  const onDeployFailed = (err: unknown) => {
    if (modeler && err instanceof ApiError && err.code === 'BPMN_INVALID' && Array.isArray(err.details)) {
      const issues = err.details as ElementIssue[];
      setProblems(issues);
      showProblems(modeler, issues);
    }
    showError(err);
  };

  const closeDeploy = () => {
    setDeployOpen(false);
    const to = pendingNavigate.current;
    pendingNavigate.current = undefined;
    if (to) navigate(to, { replace: true });
  };

  const fileInput = useRef<HTMLInputElement>(null);
  /** Opens a .bpmn file from disk (e.g. drawn in Camunda Modeler) into the canvas; deploying it is a separate step. */
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    await importXml(await file.text());
    setDirty(true);
    if (fileInput.current) fileInput.current.value = '';
  };

  const versionOptions = latest
    ? Array.from({ length: latest }, (_, i) => latest - i).map((v) => ({
        value: v,
        label: v === latest ? `v${v}（${t('modeler.latest')}）` : `v${v}`,
      }))
    : [];

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('nav.modeler')}
          {key ? <code data-testid="modeler-key">{key}</code> : <Tag>{t('modeler.new')}</Tag>}
          {dirty ? <Badge status="warning" text="未部署的修改" /> : null}
        </Space>
      }
      extra={
        <Space wrap>
          <DesignerSwitch processKey={key} />
          {latest ? (
            <Select
              aria-label={t('modeler.open')}
              style={{ width: 150 }}
              value={loadedVersion}
              options={versionOptions}
              onChange={(v) => setParams(v === latest ? {} : { version: String(v) })}
              data-testid="modeler-version"
            />
          ) : null}
          <Tooltip title={t('modeler.new')}>
            <Button
              icon={<FileAddOutlined />}
              aria-label={t('modeler.new')}
              onClick={() => navigate('/modeler')}
              data-testid="modeler-new"
            />
          </Tooltip>
          <input
            ref={fileInput}
            type="file"
            accept=".bpmn,.xml"
            hidden
            aria-label={t('modeler.openFile')}
            data-testid="modeler-file-input"
            onChange={(e) => openFile(e.target.files?.[0])}
          />
          <Tooltip title={t('modeler.openFile')}>
            <Button
              icon={<FolderOpenOutlined />}
              aria-label={t('modeler.openFile')}
              onClick={() => fileInput.current?.click()}
              data-testid="modeler-open-file"
            />
          </Tooltip>
          <DownloadMenu modeler={modeler} label={text('download')} />
          <DmnButton
            lang={lang}
            resources={dmnFiles}
            onChange={setDmnFiles}
            bpmnXml={async () => (modeler ? ((await modeler.saveXML()).xml ?? '') : '')}
          />
          <ExtrasToolbar
            modeler={modeler}
            text={text}
            issues={lintIssues}
            canDiff={Boolean(key && latest)}
            diffOn={diffOn}
            diffLoading={diffOn && deployed.loading}
            onDiff={setDiffOn}
            simulating={simulating}
            onSimulate={simulate}
          />
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={deploying}
            onClick={deploy}
            data-testid="modeler-deploy"
          >
            {t('modeler.deploy')}
          </Button>
        </Space>
      }
    >
      {loadError ? <Alert type="error" showIcon title={loadError} style={{ marginBottom: 8 }} /> : null}
      <DeployProblems modeler={modeler} problems={problems} />
      <div className="huiliu-modeler">
        <div className="huiliu-modeler-stage">
          <div ref={canvasRef} className="huiliu-modeler-canvas" data-testid="modeler-canvas" />
        </div>
        <div className="huiliu-modeler-side">
          <div className="hl-side-notes">
            {diffOn && deployed.diff && deployed.version ? (
              <DiffSummary modeler={modeler} diff={deployed.diff} version={deployed.version} text={text} />
            ) : null}
            {diffOn && deployed.error ? <Alert type="error" showIcon title={deployed.error} /> : null}
            {simulating ? (
              <Alert type="success" showIcon title={text('simulating')} data-testid="modeler-simulating" />
            ) : null}
          </div>
          <div ref={panelRef} className="huiliu-modeler-panel" data-testid="properties-panel" />
        </div>
      </div>
      <DeployDialog
        open={deployOpen}
        resources={deployResources}
        deploymentName={deployName}
        onClose={closeDeploy}
        onDeployed={onDeployed}
        onFailed={onDeployFailed}
      />
    </Card>
  );
}
