/** @module ui/pages/catalog: the resource catalog: search entries, open one; cataloguers start a registration from here. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type CatalogEntry, catalog, itemsOf } from '../../api';
import { useUser } from '../../auth';
import { useT } from '../../i18n';
import { useAsync } from '../../lib';

export default function CatalogPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const list = useAsync(() => catalog.entries({ q, pageSize: 100 }).then(itemsOf), [q]);

  return (
    <Card
      title={t('catalog.title')}
      extra={
        <Space>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('catalog.search')}
            aria-label={t('catalog.search')}
            onSearch={(v) => setParams(v ? { q: v } : {})}
            style={{ width: 280 }}
            data-testid="catalog-search"
          />
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
