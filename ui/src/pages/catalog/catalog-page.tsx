/**
 * @module ui/pages/catalog: the resource catalog: search entries, open one; cataloguers start a registration from here.
 * A second tab holds the census of information systems (信息系统普查) that registrations pick from.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type CatalogEntry, catalog, itemsOf, units } from '../../api';
import { useUser } from '../../auth';
import { useT } from '../../i18n';
import { useAsync } from '../../lib';
import { CatalogTools } from '../imports/catalog-tools';
import { useCensusT } from './census-messages';
import { catalogScale, chinaMinute } from './catalog-scale-api';
import { CensusPanel } from './census-panel';
import { labelOf, useScaleT } from './scale-messages';

const FILTERS = {
  category: ['basic', 'thematic', 'departmental'],
  sharing: ['unconditional', 'conditional', 'none'],
  opening: ['unconditional', 'restricted', 'forbidden'],
} as const;
const PREFIX = { category: 'cat', sharing: 'share', opening: 'open' } as const;

/** Entries paged and filtered on the server (20,000 entries are a county's catalog); the URL keeps the view. */
function EntriesCard() {
  const t = useT();
  const st = useScaleT();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unitId = params.get('unit') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filter = {
    q: q || undefined,
    unitId,
    category: params.get('category') ?? undefined,
    sharing: params.get('sharing') ?? undefined,
    opening: params.get('opening') ?? undefined,
    systemId: params.get('system') ?? undefined,
    status: params.get('status') ?? undefined,
    stale: params.get('stale') === 'true' ? 'true' : undefined,
  };
  const key = JSON.stringify(filter);
  const list = useAsync(() => catalogScale.entries({ ...filter, page, pageSize }), [key, page, pageSize]);
  const unitList = useAsync(() => units.search('').then(itemsOf), [], true);
  const systems = useAsync(
    () => (unitId ? catalog.systems({ unitId }).then(itemsOf) : Promise.resolve([])),
    [unitId],
  );
  /** Changing a filter goes back to page 1; the page itself is kept in the URL too. */
  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page' && name !== 'pageSize') next.delete('page');
    if (name === 'unit') next.delete('system');
    setParams(next, { replace: true });
  };
  const select = (name: keyof typeof FILTERS) => (
    <Select
      allowClear
      placeholder={st(name)}
      aria-label={st(name)}
      style={{ width: 130 }}
      value={params.get(name) ?? undefined}
      options={FILTERS[name].map((v) => ({ value: v, label: labelOf(st, PREFIX[name], v) }))}
      onChange={(v) => setParam(name, v)}
      data-testid={`catalog-filter-${name}`}
    />
  );
  const data = list.data;

  return (
    <Card
      title={t('catalog.title')}
      extra={
        <Space>
          <CatalogTools filters={filter} onImported={list.reload} />
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
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('catalog.search')}
          aria-label={t('catalog.search')}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          style={{ width: 260 }}
          data-testid="catalog-search"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('catalog.unit')}
          aria-label={t('catalog.unit')}
          style={{ width: 180 }}
          value={unitId}
          options={(unitList.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v) => setParam('unit', v)}
          data-testid="catalog-unit"
        />
        {unitId ? (
          <Select
            allowClear
            placeholder={st('system')}
            aria-label={st('system')}
            style={{ width: 180 }}
            value={params.get('system') ?? undefined}
            options={(systems.data ?? []).map((sys) => ({ value: sys.id, label: sys.name }))}
            onChange={(v) => setParam('system', v)}
            data-testid="catalog-filter-system"
          />
        ) : null}
        {select('category')}
        {select('sharing')}
        {select('opening')}
        <Select
          allowClear
          placeholder={st('status')}
          aria-label={st('status')}
          style={{ width: 110 }}
          value={params.get('status') ?? undefined}
          options={[
            { value: 'active', label: t('catalog.active') },
            { value: 'retired', label: t('catalog.retired') },
          ]}
          onChange={(v) => setParam('status', v)}
          data-testid="catalog-filter-status"
        />
        <Checkbox
          checked={filter.stale === 'true'}
          onChange={(e) => setParam('stale', e.target.checked ? 'true' : undefined)}
          data-testid="catalog-filter-stale"
        >
          {st('staleOnly')}
        </Checkbox>
      </Space>
      <Table<CatalogEntry>
        rowKey="id"
        loading={list.loading}
        dataSource={data?.items ?? []}
        data-testid="catalog-list"
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => <span data-testid="catalog-total">{st('total', { n })}</span>,
          onChange: (p, size) => {
            const next = new URLSearchParams(params);
            next.set('page', String(size !== pageSize ? 1 : p));
            next.set('pageSize', String(size));
            setParams(next, { replace: true });
          },
        }}
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
          {
            title: t('catalog.name'),
            key: 'name',
            render: (_: unknown, e) => String(e.fields?.resourceName ?? '—'),
          },
          {
            title: st('system'),
            key: 'sys',
            responsive: ['md'],
            render: (_: unknown, e) => String(e.fields?.systemName ?? '—'),
          },
          { title: t('catalog.unit'), dataIndex: 'unitName', responsive: ['sm'] },
          {
            title: st('updateCycle'),
            key: 'cycle',
            responsive: ['md'],
            render: (_: unknown, e) => labelOf(st, 'cycle', e.updateCycle),
          },
          {
            title: st('nextDue'),
            key: 'due',
            render: (_: unknown, e) => <DueCell entry={e} />,
          },
          {
            title: t('catalog.status'),
            dataIndex: 'status',
            responsive: ['md'],
            render: (s: string) =>
              s === 'active' ? (
                <Tag color="green">{t('catalog.active')}</Tag>
              ) : (
                <Tag>{t('catalog.retired')}</Tag>
              ),
          },
          {
            title: t('catalog.version'),
            dataIndex: 'currentVersion',
            responsive: ['md'],
            render: (v: number) => `v${v}`,
          },
        ]}
      />
    </Card>
  );
}

/** The next collection deadline in China time, red when it has passed on an active entry. */
function DueCell({ entry }: { entry: CatalogEntry }) {
  const st = useScaleT();
  if (!entry.nextCollectionDue) return <span>{st('noDue')}</span>;
  const stale = entry.status === 'active' && new Date(entry.nextCollectionDue).getTime() < Date.now();
  return stale ? (
    <Tag color="red" data-testid={`catalog-stale-${entry.id}`}>
      {st('stale')} {chinaMinute(entry.nextCollectionDue).slice(0, 10)}
    </Tag>
  ) : (
    <span>{chinaMinute(entry.nextCollectionDue).slice(0, 10)}</span>
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
        {
          key: 'entries',
          label: <span data-testid="catalog-tab-entries">{ct('entriesTab')}</span>,
          children: <EntriesCard />,
        },
        {
          key: 'census',
          label: <span data-testid="catalog-tab-census">{ct('tab')}</span>,
          children: <CensusPanel />,
        },
      ]}
    />
  );
}
