/**
 * @module ui/pages/modeler/deploy/deploy-dialog: the one deploy dialog (the modeler and the card designer both open
 * it). Before: which version it becomes, which steps it adds or removes (by name), and which running instances stay
 * on their version. After: for each older version with running instances, the migration mapping pre-filled by
 * element id, a dry run, then the migration (POST /api/process-definitions/{key}/migrate).
 */
import { Alert, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  ApiError,
  type DeploymentResult,
  definitions,
  type Instance,
  type Page,
  request,
} from '../../../api';
import { useLocale } from '../../../i18n';
import {
  type FlowNode,
  flowNodes,
  type Mapping,
  mappingsToSend,
  prefillMapping,
  processIdOf,
  unmapped,
} from './flow-nodes';
import { deployWords } from './words';

export interface DeployResource {
  name: string;
  content: string;
}

export interface DeployDialogProps {
  open: boolean;
  /** What to deploy, taken by the caller when it opens the dialog; the first `.bpmn` is the process. */
  resources: DeployResource[];
  deploymentName?: string;
  onClose: () => void;
  onDeployed: (result: DeploymentResult) => void;
  /** The server refused the deploy (e.g. BPMN_INVALID): the caller shows the problems; the dialog closes. */
  onFailed: (err: unknown) => void;
}

interface MigrationReport {
  migrated: number;
  failed: { instanceId: string; reason: string }[];
  dryRun?: boolean;
}

interface Before {
  latest?: { version: number; nodes: FlowNode[] };
  /** Running (or stuck) instances by version. */
  running: Map<number, Instance[]>;
}

async function runningInstances(processKey: string): Promise<Instance[]> {
  const out: Instance[] = [];
  for (const status of ['active', 'incident']) {
    for (let page = 1; page <= 20; page++) {
      const r = await request<Page<Instance> | Instance[]>('/process-instances', {
        query: { processKey, status, page, pageSize: 100 },
      });
      const items = Array.isArray(r) ? r : r.items;
      out.push(...items);
      if (Array.isArray(r) || out.length >= r.total || !items.length) break;
    }
  }
  return out;
}

async function loadBefore(processKey: string | undefined): Promise<Before> {
  if (!processKey) return { running: new Map() };
  let latest: Before['latest'];
  try {
    const def = await definitions.latest(processKey);
    latest = { version: def.version, nodes: flowNodes(def.xml) };
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    return { running: new Map() };
  }
  const running = new Map<number, Instance[]>();
  for (const i of await runningInstances(processKey))
    running.set(i.version, [...(running.get(i.version) ?? []), i]);
  return { latest, running };
}

export function DeployDialog(props: DeployDialogProps) {
  const { open, resources, deploymentName, onClose, onDeployed, onFailed } = props;
  const { lang } = useLocale();
  const w = deployWords(lang);
  const bpmn = resources.find((r) => /\.bpmn$/i.test(r.name))?.content ?? '';
  const processKey = processIdOf(bpmn);
  const newNodes = useMemo(() => flowNodes(bpmn), [bpmn]);
  const [before, setBefore] = useState<Before>();
  const [loadError, setLoadError] = useState<string>();
  const [deploying, setDeploying] = useState(false);
  const [result, setResult] = useState<DeploymentResult>();

  useEffect(() => {
    if (!open) return;
    setBefore(undefined);
    setResult(undefined);
    setLoadError(undefined);
    let alive = true;
    loadBefore(processKey).then(
      (b) => alive && setBefore(b),
      (err) => alive && setLoadError((err as Error).message),
    );
    return () => {
      alive = false;
    };
  }, [open, processKey]);

  const deploy = async () => {
    setDeploying(true);
    try {
      const res = await definitions.deploy({ name: deploymentName, resources });
      setResult(res);
      onDeployed(res);
    } catch (err) {
      onFailed(err);
      onClose();
    } finally {
      setDeploying(false);
    }
  };

  const deployedVersion =
    result?.processes.find((p) => p.key === processKey)?.version ?? result?.processes[0]?.version;
  const oldVersions = [...(before?.running.keys() ?? [])]
    .filter((v) => deployedVersion !== undefined && v < deployedVersion)
    .sort((a, b) => a - b);

  return (
    <Modal
      open={open}
      title={w('title')}
      width={720}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="deploy-dialog"
      footer={
        result ? (
          <Button onClick={onClose} data-testid="deploy-close">
            {w('close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose} data-testid="deploy-cancel">
              {w('cancel')}
            </Button>
            <Button
              type="primary"
              loading={deploying}
              disabled={!before && !loadError}
              onClick={deploy}
              data-testid="deploy-confirm"
            >
              {w('confirm')}
            </Button>
          </Space>
        )
      }
    >
      <div data-testid="deploy-dialog-body">
        {loadError ? <Alert type="warning" showIcon title={loadError} /> : null}
        {!before && !loadError ? <Typography.Text type="secondary">{w('loading')}</Typography.Text> : null}
        {before && !result ? (
          <BeforeDeploy before={before} processKey={processKey} newNodes={newNodes} w={w} />
        ) : null}
        {result && deployedVersion !== undefined ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="success"
              showIcon
              title={w('deployed', { key: processKey ?? '', v: deployedVersion })}
              data-testid="deploy-done"
            />
            {processKey
              ? oldVersions.map((v) => (
                  <MigrateVersion
                    key={v}
                    processKey={processKey}
                    from={v}
                    to={deployedVersion}
                    instances={before?.running.get(v) ?? []}
                    newNodes={newNodes}
                    w={w}
                  />
                ))
              : null}
          </Space>
        ) : null}
      </div>
    </Modal>
  );
}

type W = ReturnType<typeof deployWords>;

function BeforeDeploy({
  before,
  processKey,
  newNodes,
  w,
}: {
  before: Before;
  processKey: string | undefined;
  newNodes: FlowNode[];
  w: W;
}) {
  const { latest, running } = before;
  if (!latest) return <Alert type="info" showIcon title={w('newProcess')} />;
  const oldIds = new Set(latest.nodes.map((n) => n.id));
  const newIds = new Set(newNodes.map((n) => n.id));
  const added = newNodes.filter((n) => !oldIds.has(n.id));
  const removed = latest.nodes.filter((n) => !newIds.has(n.id));
  const name = (n: FlowNode) => n.name ?? n.id;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {w('nextVersion', { key: processKey ?? '', v: latest.version + 1, latest: latest.version })}
      </Typography.Text>
      <div data-testid="deploy-changes">
        <Typography.Text type="secondary">{w('changes', { v: latest.version })}</Typography.Text>{' '}
        {added.length || removed.length ? (
          <>
            {added.map((n) => (
              <Tag key={`a-${n.id}`} color="success">
                {w('added')} {name(n)}
              </Tag>
            ))}
            {removed.map((n) => (
              <Tag key={`r-${n.id}`} color="error">
                {w('removed')} {name(n)}
              </Tag>
            ))}
          </>
        ) : (
          <Typography.Text>{w('noStepChange')}</Typography.Text>
        )}
      </div>
      {running.size ? (
        <Alert
          type="warning"
          showIcon
          data-testid="deploy-running"
          title={w('staySummary')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {[...running.entries()]
                .sort(([a], [b]) => a - b)
                .map(([v, list]) => (
                  <li key={v} data-version={v}>
                    {w('stay', { v, n: list.length })}
                  </li>
                ))}
            </ul>
          }
        />
      ) : (
        <Alert type="info" showIcon title={w('noRunning')} data-testid="deploy-running-none" />
      )}
    </Space>
  );
}

function MigrateVersion(props: {
  processKey: string;
  from: number;
  to: number;
  instances: Instance[];
  newNodes: FlowNode[];
  w: W;
}) {
  const { processKey, from, to, instances, newNodes, w } = props;
  const [oldNodes, setOldNodes] = useState<FlowNode[]>([]);
  const [mapping, setMapping] = useState<Mapping[]>(() =>
    prefillMapping(
      instances.flatMap((i) => i.activeElementIds),
      newNodes,
    ),
  );
  const [report, setReport] = useState<MigrationReport & { dry: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let alive = true;
    definitions.version(processKey, from).then(
      (d) => alive && setOldNodes(flowNodes(d.xml)),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [processKey, from]);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await request<MigrationReport>(
        `/process-definitions/${encodeURIComponent(processKey)}/migrate`,
        {
          method: 'POST',
          body: { fromVersion: from, toVersion: to, mappings: mappingsToSend(mapping), dryRun },
        },
      );
      setReport({ ...r, dry: dryRun });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? w('unavailable') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const nameOf = (nodes: FlowNode[], id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  const options = newNodes
    .filter((n) => !/^(startEvent|boundaryEvent)$/.test(n.type))
    .map((n) => ({ value: n.id, label: n.name ? `${n.name}` : n.id }));
  const done = report && !report.dry;
  const missing = unmapped(mapping);
  return (
    <div
      data-testid={`migrate-v${from}`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}
    >
      <Typography.Text strong>{w('migrateTitle', { n: instances.length, from, to })}</Typography.Text>
      <Table<Mapping>
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        rowKey="source"
        dataSource={mapping}
        columns={[
          {
            title: w('mappingSource', { from }),
            dataIndex: 'source',
            render: (id: string) => <span title={id}>{nameOf(oldNodes, id)}</span>,
          },
          {
            title: w('mappingTarget', { to }),
            dataIndex: 'target',
            render: (target: string, row) => (
              <Select
                style={{ width: 260 }}
                value={target || undefined}
                placeholder={w('pick')}
                options={options}
                disabled={busy || done}
                aria-label={`${w('mappingTarget', { to })} ${nameOf(oldNodes, row.source)}`}
                data-testid={`migrate-target-${row.source}`}
                onChange={(v: string) => {
                  setReport(undefined);
                  setMapping((m) => m.map((x) => (x.source === row.source ? { ...x, target: v } : x)));
                }}
              />
            ),
          },
        ]}
      />
      {missing.length ? (
        <Alert style={{ marginTop: 8 }} type="warning" showIcon title={w('unmapped')} />
      ) : null}
      {report ? (
        <Alert
          style={{ marginTop: 8 }}
          type={report.failed.length ? 'warning' : 'success'}
          showIcon
          data-testid={report.dry ? `migrate-dry-result-v${from}` : `migrate-result-v${from}`}
          title={w(report.dry ? 'dryResult' : 'result', {
            ok: report.migrated,
            failed: report.failed.length,
          })}
          description={
            report.failed.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {report.failed.map((f) => (
                  <li key={f.instanceId}>
                    {w('failedRow', { id: f.instanceId.slice(0, 8), reason: f.reason })}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {error ? (
        <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} data-testid="migrate-error" />
      ) : null}
      {done ? null : (
        <Space style={{ marginTop: 8 }}>
          <Button loading={busy} onClick={() => run(true)} data-testid={`migrate-dry-v${from}`}>
            {w('dryRun')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            onClick={() => run(false)}
            data-testid={`migrate-run-v${from}`}
          >
            {w('migrate')}
          </Button>
        </Space>
      )}
    </div>
  );
}
