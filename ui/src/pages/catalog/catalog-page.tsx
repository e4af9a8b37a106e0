/**
 * @module ui/pages/catalog: the resource catalog: search entries, open one; cataloguers start a registration from here.
 * A second tab holds the census of information systems (信息系统普查) that registrations pick from.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type CatalogEntry, catalog, itemsOf, units } from '../../api';
import { useUser } from '../../auth';
import { useT } from '../../i18n';
import { useAsync } from '../../lib';
import { CatalogTools } from '../imports/catalog-tools';
import { useCensusT } from './census-messages';
import { CensusPanel } from './census-panel';

function EntriesCard() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unitId = params.get('unit') ?? undefined;
  const list = useAsync(() => catalog.entries({ q, unitId, pageSize: 100 }).then(itemsOf), [q, unitId]);
  const unitList = useAsync(() => units.search('').then(itemsOf), [], true);
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Card
      title={t('catalog.title')}
      extra={
        <Space>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('catalog.unit')}
            aria-label={t('catalog.unit')}
            style={{ width: 200 }}
            value={unitId}
            options={(unitList.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v) => setParam('unit', v)}
            data-testid="catalog-unit"
          />
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('catalog.search')}
            aria-label={t('catalog.search')}
            onSearch={(v) => setParam('q', v || undefined)}
            style={{ width: 280 }}
            data-testid="catalog-search"
          />
          <CatalogTools filters={{ q, unitId }} onImported={list.reload} />
          {user.roles.includes('unit.cataloguer') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/processes?start=catalog-registration')}
              data-testid="catalog-register"
            >
              {t('catalog.register')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Table<CatalogEntry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        data-testid="catalog-list"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('catalog.code'),
            dataIndex: 'code',
            render: (code: string, e) => (
              <Link to={`/catalog/${e.id}`} data-testid={`catalog-entry-${e.id}`}>
                {code}
              </Link>
            ),
          },
          { title: t('catalog.name'), key: 'name', render: (_: unknown, e) => String(e.fields?.resourceName ?? '—') },
          { title: '信息系统', key: 'sys', render: (_: unknown, e) => String(e.fields?.systemName ?? '—') },
          { title: t('catalog.unit'), dataIndex: 'unitName' },
          {
            title: t('catalog.status'),
            dataIndex: 'status',
            render: (s: string) =>
              s === 'active' ? <Tag color="green">{t('catalog.active')}</Tag> : <Tag>{t('catalog.retired')}</Tag>,
          },
          { title: t('catalog.version'), dataIndex: 'currentVersion', render: (v: number) => `v${v}` },
        ]}
      />
    </Card>
  );
}

export default function CatalogPage() {
  const ct = useCensusT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'census' ? 'census' : 'entries';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'census' ? { tab: key } : {}, { replace: true })}
      items={[
        { key: 'entries', label: <span data-testid="catalog-tab-entries">{ct('entriesTab')}</span>, children: <EntriesCard /> },
        { key: 'census', label: <span data-testid="catalog-tab-census">{ct('tab')}</span>, children: <CensusPanel /> },
      ]}
    />
  );
}
