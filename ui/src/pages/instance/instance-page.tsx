/**
 * @module ui/pages/instance: one process instance: its diagram with live state, the 审批记录 (the technical log folded,
 * for administrators), the data through the start form and the steps' forms (field titles, the key only as an
 * administrator's hint); cancel for admins.
 */
import { Alert, Card, Col, Descriptions, Row, Space, Spin, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  definitions,
  forms,
  instanceWithIncidents,
  instances,
  itemsOf,
  type InstanceStatus,
} from '../../api';
import { useUser } from '../../auth';
import { HistoryTimeline, VariablesView } from '../../components';
import { InstanceApprovalRecord } from '../../components/approval-record';
import { PersonName } from '../../components/approval-record-person';
import { BpmnViewer, highlightFrom, withOpenIncidents } from '../../diagram';
import type { JsonSchema } from '../../forms';
import { useLocale, useT } from '../../i18n';
import { formatTime, isAdmin, useAsync } from '../../lib';
import { STATUS_KEY } from '../tasks/completion-result';
import { CancelButton } from './cancel-button';
import { incidentLabel } from './incident-labels';
import { internalTitles } from './internal-labels';
import { instanceSchema, stepFormsOf } from './step-forms';

const STATUS_COLOR: Record<InstanceStatus, string> = {
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  incident: 'error',
};

export default function InstancePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { lang } = useLocale();
  const user = useUser();
  const [names, setNames] = useState<Record<string, string>>({});
  const [diagramError, setDiagramError] = useState<string>();
  // Quiet: the page says what went wrong once, below, instead of a toast repeating it (#17).
  const state = useAsync(
    async () => {
      const instance = await instanceWithIncidents(id);
      const [history, def] = await Promise.all([
        instances.history(id).then(itemsOf),
        definitions.version(instance.processKey, instance.version).catch(() => undefined),
      ]);
      // the forms of the diagram's steps name the fields later steps filled in; one missing form only loses its titles
      const steps = def?.xml ? stepFormsOf(def.xml) : [];
      const formIds = [...new Set(steps.map((s) => s.formId))].filter((f) => f !== def?.startForm?.key);
      const stepForms = new Map(
        await Promise.all(
          formIds.map((f) =>
            forms.get(f).then(
              (form) => [f, form] as const,
              () => [f, undefined] as const,
            ),
          ),
        ),
      );
      return { instance, history, def, steps, stepForms };
    },
    [id],
    true,
  );
  const data = state.data;
  const highlight = useMemo(
    () =>
      data
        ? withOpenIncidents(
            highlightFrom(data.history, data.instance.activeElementIds ?? []),
            // The diagram's red label says what kind of problem it is, in the reader's language.
            data.instance.incidents?.map((i) => ({
              elementId: i.elementId,
              message: incidentLabel(i.type, lang),
            })),
          )
        : undefined,
    [data, lang],
  );

  if (state.loading && !data) return <Spin />;
  if (!data) {
    // Another unit's instance, or one that does not exist: the same words, and never its id (#17).
    const missing = (state.error as { status?: number } | undefined)?.status === 404;
    return (
      <Alert
        type="error"
        showIcon
        data-testid="instance-error"
        title={missing ? t('instance.notFound') : ((state.error as Error)?.message ?? t('loading'))}
      />
    );
  }
  const { instance, history, def, steps, stepForms } = data;
  const started = history.find((e) => e.type === 'instance.started');
  const admin = isAdmin(user.roles);
  const read = instanceSchema(
    def?.startForm as { schema?: JsonSchema; uiSchema?: JsonSchema } | undefined,
    steps.flatMap((s) => {
      const form = stepForms.get(s.formId) as { schema?: JsonSchema; uiSchema?: JsonSchema } | undefined;
      return form ? [{ form, fieldAccess: s.fieldAccess }] : [];
    }),
    // the server already left out what this reader may not read, administrators included: its answer decides
    instance.variables ?? {},
  );
  // the engine's and workers' variables (administrators only) get a name too, where one is known
  const schema = admin
    ? {
        ...read.schema,
        properties: {
          ...(read.schema.properties as Record<string, unknown>),
          ...internalTitles(Object.keys(instance.variables ?? {}), read.schema.properties ?? {}, lang),
        },
      }
    : read.schema;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {t('instance.title')}
            <span>{def?.name || instance.processKey}</span>
            <Tag
              color={STATUS_COLOR[instance.status]}
              data-testid="instance-status"
              data-status={instance.status}
            >
              {t(STATUS_KEY[instance.status])}
            </Tag>
          </Space>
        }
        extra={
          admin && (instance.status === 'active' || instance.status === 'incident') ? (
            <CancelButton instanceId={instance.id} onDone={state.reload} />
          ) : null
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            // The process key and version are the administrator's vocabulary, not a unit user's.
            ...(admin
              ? [
                  { key: 'k', label: 'Key', children: <code>{instance.processKey}</code> },
                  { key: 'v', label: t('processes.version'), children: `v${instance.version}` },
                ]
              : []),
            {
              key: 'b',
              label: t('tasks.businessKey'),
              children: <span data-testid="instance-business-key">{instance.businessKey || '—'}</span>,
            },
            {
              key: 's',
              label: t('tasks.startedBy'),
              children: (
                <PersonName username={started?.actor ?? instance.startedBy} testId="instance-started-by" />
              ),
            },
            { key: 'sa', label: t('instance.startedAt'), children: formatTime(instance.startedAt) },
            { key: 'e', label: t('instance.endedAt'), children: formatTime(instance.endedAt) },
            {
              key: 'a',
              label: lang === 'en' ? 'Current step' : '当前环节',
              span: 3,
              children: (
                <span data-testid="active-elements">
                  {(instance.activeElementIds ?? []).map((el) => names[el] ?? el).join('、') || '—'}
                </span>
              ),
            },
          ]}
        />
        {instance.incidents?.length ? (
          <Alert
            type="error"
            showIcon
            style={{ margin: '12px 0' }}
            data-testid="open-incidents"
            title={t('instance.openIncidents')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {instance.incidents.map((i) => (
                  <li key={i.id} data-element-id={i.elementId}>
                    <b>{names[i.elementId] ?? i.elementId}</b>：{incidentLabel(i.type, lang)}
                    <span style={{ color: '#888' }}>（{i.message}）</span>
                    {i.expression ? (
                      <>
                        {' '}
                        <code>{i.expression}</code>
                      </>
                    ) : null}
                    <span style={{ color: '#888' }}> · {formatTime(i.createdAt)}</span>
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {diagramError ? (
          <Alert type="warning" showIcon title={diagramError} style={{ margin: '12px 0' }} />
        ) : null}
        {def?.xml ? (
          <BpmnViewer
            xml={def.xml}
            highlight={highlight}
            onElementNames={setNames}
            onError={(e) => setDiagramError(e.message)}
          />
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={lang === 'en' ? 'Approval record' : '审批记录'}>
            <InstanceApprovalRecord
              instanceId={instance.id}
              technical={<HistoryTimeline events={history} elementNames={names} />}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('instance.variables')}>
            <VariablesView
              variables={instance.variables ?? {}}
              schema={schema}
              uiSchema={read.uiSchema}
              showInternal={admin}
              keyHint={admin}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
