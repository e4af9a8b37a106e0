/** @module ui/pages/processes/start-drawer: a process's start form (or a bare start), pre-filled when opened from a catalog entry. */
import { Alert, Button, Drawer, Space, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { catalog, definitions, instances } from '../../api';
import { useUser } from '../../auth';
import { type JsonSchema, SchemaForm } from '../../forms';
import { useT } from '../../i18n';
import { showError, showSuccess, useAsync } from '../../lib';

export interface StartDrawerProps {
  processKey: string;
  /** Variables to pre-fill, e.g. {entryId} from the catalog page. */
  prefill: Record<string, unknown>;
  onClose: () => void;
}

/** A change request opens with the entry's current fields (PROCESSES.md, process 2). */
async function initialData(processKey: string, prefill: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (typeof prefill.entryId !== 'string' || processKey !== 'catalog-change') return prefill;
  const entry = await catalog.entry(prefill.entryId);
  return { changeType: 'modify', ...prefill, changes: { ...(entry.fields ?? {}) } };
}

export function StartDrawer({ processKey, prefill, onClose }: StartDrawerProps) {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const state = useAsync(async () => {
    const [def, data] = await Promise.all([definitions.latest(processKey), initialData(processKey, prefill)]);
    return { def, data };
  }, [processKey, JSON.stringify(prefill)]);

  const start = async (variables: Record<string, unknown>) => {
    const instance = await instances.start({ processKey, variables });
    showSuccess(t('processes.started'));
    navigate(`/instances/${instance.id}`);
  };
  const def = state.data?.def;
  return (
    <Drawer
      open
      size={920}
      title={def ? `${t('processes.start')}：${def.name || def.key}` : t('loading')}
      onClose={onClose}
      destroyOnHidden
      data-testid="start-drawer"
    >
      {state.loading ? <Spin /> : null}
      {state.error ? <Alert type="error" showIcon title={(state.error as Error).message} /> : null}
      {def && state.data ? (
        def.startForm ? (
          <SchemaForm
            schema={def.startForm.schema as JsonSchema}
            uiSchema={def.startForm.uiSchema as JsonSchema}
            formData={state.data.data}
            formContext={{ unitId: user.unitId, processKey }}
            submitText={t('processes.start')}
            onSubmit={start}
            testId="start-form"
          />
        ) : (
          <Space orientation="vertical">
            <Alert type="info" showIcon title="此流程没有发起表单。" />
            <Button type="primary" data-testid="form-submit" onClick={() => start(state.data!.data).catch(showError)}>
              {t('processes.start')}
            </Button>
          </Space>
        )
      ) : null}
    </Drawer>
  );
}
