/** @module ui/pages/catalog/catalog-entry-page: one entry: its current fields, its versions (each against the one before), change and problem buttons. */
import { Alert, Button, Card, Collapse, Space, Spin, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { catalog, type CatalogVersion } from '../../api';
import { useUser } from '../../auth';
import { VariablesView } from '../../components';
import { FieldDiff, type JsonSchema, localizeForm } from '../../forms';
import { useLocale } from '../../i18n';
import { formatTime, useAsync } from '../../lib';
import { useEntryForm } from './use-entry-form';
import { CollectionsCard } from './collections-card';

export default function CatalogEntryPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const form = useEntryForm();
  const state = useAsync(() => catalog.entry(id), [id]);
  const entry = state.data;
  if (!entry) return state.loading ? <Spin /> : null;
  // The entry's fields in the reader's language where the form gives English (#17).
  const localized = localizeForm(
    form?.schema as JsonSchema | undefined,
    form?.uiSchema as JsonSchema | undefined,
    lang,
  );
  const schema = localized.schema;
  const uiSchema = localized.uiSchema;
  const versions: CatalogVersion[] = [...(entry.versions ?? [])].sort((a, b) => b.version - a.version);
  const canChange =
    entry.status === 'active' && user.roles.includes('unit.cataloguer') && user.unitId === entry.unitId;
  const canReport = entry.status === 'active' && user.roles.includes('unit.feedback');
  // Said up front (#17): the server refuses a second open change, but only after the whole form was filled.
  const changeOpen = entry.openChangeInstanceId;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            <span data-testid="entry-code">{entry.code}</span>
            <span>{String(entry.fields?.resourceName ?? '')}</span>
            {entry.status === 'active' ? (
              <Tag color="green">{t('catalog.active')}</Tag>
            ) : (
              <Tag>{t('catalog.retired')}</Tag>
            )}
            <Tag>v{entry.currentVersion}</Tag>
          </Space>
        }
        extra={
          <Space>
            {canChange ? (
              <Button
                type="primary"
                disabled={Boolean(changeOpen)}
                onClick={() =>
                  navigate(`/processes?start=catalog-change&entryId=${encodeURIComponent(entry.id)}`)
                }
                data-testid="entry-request-change"
              >
                {t('catalog.requestChange')}
              </Button>
            ) : null}
            {canReport ? (
              <Button
                onClick={() =>
                  navigate(`/processes?start=data-problem&entryId=${encodeURIComponent(entry.id)}`)
                }
                data-testid="entry-report-problem"
              >
                {t('catalog.reportProblem')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {changeOpen ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="entry-change-open"
            title={t('catalog.changeOpen')}
            action={<Link to={`/instances/${changeOpen}`}>{t('catalog.viewChange')}</Link>}
          />
        ) : null}
        <p>
          {t('catalog.unit')}：{entry.unitName}
        </p>
        <VariablesView variables={entry.fields ?? {}} schema={schema} uiSchema={uiSchema} />
      </Card>
      <CollectionsCard entry={entry} onChanged={state.reload} />
      <Card title={t('catalog.versions')}>
        <Collapse
          data-testid="entry-versions"
          items={versions.map((v, i) => {
            const previous = versions[i + 1];
            return {
              key: String(v.version),
              label: `v${v.version} · ${t('catalog.publishedAt')} ${formatTime(v.publishedAt)}`,
              children: previous ? (
                <FieldDiff
                  before={previous.fields}
                  after={v.fields}
                  schema={schema}
                  uiSchema={uiSchema}
                  beforeLabel={`v${previous.version}`}
                  afterLabel={`v${v.version}`}
                />
              ) : (
                <VariablesView variables={v.fields ?? {}} schema={schema} uiSchema={uiSchema} />
              ),
            };
          })}
        />
      </Card>
    </Space>
  );
}
