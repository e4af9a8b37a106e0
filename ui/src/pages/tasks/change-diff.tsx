/** @module ui/pages/tasks/change-diff: for a catalog change, the entry's current version against the requested fields, field by field. */
import { Alert, Card, Spin } from 'antd';
import { catalog, forms } from '../../api';
import { FieldDiff, type JsonSchema } from '../../forms';
import { useT } from '../../i18n';
import { useAsync } from '../../lib';

/** True when a task's variables describe a change to a catalog entry (process 2, catalog-change). */
export function isChangeRequest(variables: Record<string, unknown>): boolean {
  return typeof variables.entryId === 'string' && !!variables.changes && typeof variables.changes === 'object';
}

export function ChangeDiff({ variables }: { variables: Record<string, unknown> }) {
  const t = useT();
  const state = useAsync(
    async () => {
      const [entry, form] = await Promise.all([
        catalog.entry(String(variables.entryId)),
        forms.get('catalog-entry').catch(() => undefined),
      ]);
      return { entry, form };
    },
    [variables.entryId],
  );
  if (state.loading) return <Spin />;
  if (!state.data) return null;
  const before = state.data.entry.fields ?? {};
  const retire = variables.changeType === 'retire';
  return (
    <Card size="small" title={t('diff.title', { code: state.data.entry.code, version: state.data.entry.currentVersion })} style={{ marginBottom: 16 }}>
      {retire ? <Alert type="warning" showIcon title={t('diff.retire')} style={{ marginBottom: 8 }} /> : null}
      {variables.reason ? (
        <p>
          {t('diff.reason')}：{String(variables.reason)}
        </p>
      ) : null}
      {retire ? null : (
        <FieldDiff
          before={before}
          after={{ ...before, ...(variables.changes as Record<string, unknown>) }}
          schema={state.data.form?.schema as JsonSchema | undefined}
          uiSchema={state.data.form?.uiSchema as JsonSchema | undefined}
        />
      )}
    </Card>
  );
}
