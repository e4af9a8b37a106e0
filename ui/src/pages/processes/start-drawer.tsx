/** @module ui/pages/processes/start-drawer: a process's start form (or a bare start), pre-filled when opened from a catalog entry. */
import { Alert, Button, Drawer, Space, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { catalog, definitions, instances } from '../../api';
import { useUser } from '../../auth';
import { type JsonSchema, SchemaForm, useDraftedForm } from '../../forms';
import { useT } from '../../i18n';
import { showError, showSuccess, useAsync } from '../../lib';

export interface StartDrawerProps {
  processKey: string;
  /** Variables to pre-fill, e.g. {entryId} from the catalog page. */
  prefill: Record<string, unknown>;
  onClose: () => void;
}

interface Initial {
  data: Record<string, unknown>;
  /** The entry's current fields, for a change request. */
  current?: Record<string, unknown>;
}

/** A change request opens with the entry's current fields (docs/processes.md, process 2). */
async function initialData(processKey: string, prefill: Record<string, unknown>): Promise<Initial> {
  if (typeof prefill.entryId !== 'string' || processKey !== 'catalog-change') return { data: prefill };
  const entry = await catalog.entry(prefill.entryId);
  const current = { ...(entry.fields ?? {}) };
  return { data: { changeType: 'modify', ...prefill, changes: current }, current };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** `changes` carries only what the user changed ("只需修改要变更的项"), so the reviewer's diff is exactly that. */
export function onlyChanged(
  variables: Record<string, unknown>,
  current?: Record<string, unknown>,
): Record<string, unknown> {
  const changes = variables.changes as Record<string, unknown> | undefined;
  if (!current || !changes || typeof changes !== 'object') return variables;
  const kept = Object.fromEntries(Object.entries(changes).filter(([k, v]) => !same(v, current[k])));
  return { ...variables, changes: kept };
}

export function StartDrawer({ processKey, prefill, onClose }: StartDrawerProps) {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const state = useAsync(async () => {
    const [def, initial] = await Promise.all([
      definitions.latest(processKey),
      initialData(processKey, prefill),
    ]);
    return { def, ...initial };
  }, [processKey, JSON.stringify(prefill)]);

  const def = state.data?.def;
  // 暂存 per process, or per process and entry when opened from a catalog entry (a change of entry A is not B's).
  const draftRef = typeof prefill.entryId === 'string' ? `${processKey}:${prefill.entryId}` : processKey;
  const drafted = useDraftedForm('start', draftRef, Boolean(def?.startForm), onClose);
  const start = async (variables: Record<string, unknown>) => {
    const instance = await instances.start({
      processKey,
      variables: onlyChanged(variables, state.data?.current),
    });
    drafted.draft.markClean();
    showSuccess(t('processes.started'));
    navigate(`/instances/${instance.id}`);
  };
  return (
    <Drawer
      open
      size={920}
      title={def ? `${t('processes.start')}：${def.name || def.key}` : t('loading')}
      onClose={drafted.requestLeave}
      destroyOnHidden
      data-testid="start-drawer"
      rootClassName="start-drawer-root"
    >
      {drafted.modal}
      {state.loading ? <Spin /> : null}
      {state.error ? <Alert type="error" showIcon title={(state.error as Error).message} /> : null}
      {def && state.data ? (
        def.startForm && drafted.draft.ready ? (
          <div {...drafted.touchProps}>
            {drafted.notice}
            <SchemaForm
              key={drafted.draft.generation}
              schema={def.startForm.schema as JsonSchema}
              uiSchema={def.startForm.uiSchema as JsonSchema}
              formData={drafted.draft.restored?.data ?? state.data.data}
              formContext={{ unitId: user.unitId, processKey }}
              submitText={t('processes.start')}
              onSubmit={start}
              onChange={drafted.draft.track}
              actions={drafted.saveButton}
              testId="start-form"
            />
          </div>
        ) : def.startForm ? (
          <Spin />
        ) : (
          <Space orientation="vertical">
            <Alert type="info" showIcon title="此流程没有发起表单。" />
            <Button
              type="primary"
              data-testid="form-submit"
              onClick={() => start(state.data!.data).catch(showError)}
            >
              {t('processes.start')}
            </Button>
          </Space>
        )
      ) : null}
    </Drawer>
  );
}
