/**
 * @module ui/pages/catalog/census-panel: 信息系统普查: a unit's cataloguer lists, adds and edits their unit's information
 * systems; the authority and supervisors see every unit's, with a unit filter.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type CensusSystem, itemsOf, request, units } from '../../api';
import { useUser } from '../../auth';
import { formatTime, isCountyWide, showError, useAsync } from '../../lib';
import { catalogScale } from './catalog-scale-api';
import { type CensusKey, useCensusT } from './census-messages';
import { CensusModal } from './census-modal';

export function CensusPanel() {
  const t = useCensusT();
  const user = useUser();
  // County-wide readers (identity's catalog via GET /api/roles) choose a unit; everyone else sees their own.
  const countyWide = isCountyWide(user.roles);
  const cataloguer = user.roles.includes('unit.cataloguer');
  const [params, setParams] = useSearchParams();
  const unitId = countyWide ? (params.get('unit') ?? undefined) : user.unitId;
  // Retired systems stay listed (marked): the census keeps its history.
  const list = useAsync(
    () =>
      request<{ items: CensusSystem[] }>('/catalog/systems', {
        query: { unitId, includeRetired: 'true' },
      }).then((r) => r.items),
    [unitId],
  );
  const uncatalogued = useAsync(() => catalogScale.uncatalogued(unitId).then((r) => r.items), [unitId]);
  const label = (field: 'buildMode' | 'status' | 'deployment', v: string | null | undefined) =>
    v ? t(`${field}.${v}` as CensusKey) : '—';
  const retire = async (s: CensusSystem) => {
    try {
      await catalogScale.retireSystem(s.id);
      list.reload();
      uncatalogued.reload();
    } catch (err) {
      showError(err); // 409: entries still name it (the server lists their codes)
    }
  };
  const unitList = useAsync(() => units.search('').then(itemsOf), [], true);
  const unitName = new Map((unitList.data ?? []).map((u) => [u.id, u.name]));
  const [editing, setEditing] = useState<CensusSystem | 'new'>();
  const setUnit = (v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set('unit', v);
    else next.delete('unit');
    setParams(next, { replace: true });
  };

  return (
    <Card
      title={countyWide ? t('title') : `${t('title')} · ${user.unitName}`}
      extra={
        <Space>
          {countyWide ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('allUnits')}
              aria-label={t('unit')}
              style={{ width: 200 }}
              value={unitId}
              options={(unitList.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              onChange={setUnit}
              data-testid="census-unit"
            />
          ) : null}
          {cataloguer ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="census-add"
            >
              {t('add')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t(countyWide ? 'hintAll' : 'hint')}</Typography.Paragraph>
      <Table<CensusSystem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('count', { n }) }}
        data-testid="census-table"
        columns={[
          { title: t('name'), dataIndex: 'name', width: 260 },
          {
            title: t('description'),
            dataIndex: 'description',
            render: (d: string | null, s: CensusSystem) => (
              <Space>
                {d || '—'}
                {s.retired ? <Tag data-testid={`census-retired-${s.id}`}>{t('retired')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('buildMode'),
            key: 'bm',
            width: 100,
            render: (_: unknown, s: CensusSystem) => label('buildMode', s.buildMode),
          },
          {
            title: t('status'),
            key: 'st',
            width: 80,
            render: (_: unknown, s: CensusSystem) => label('status', s.status),
          },
          {
            title: t('maintainer'),
            dataIndex: 'maintainer',
            width: 140,
            render: (m: string | null) => m || '—',
          },
          {
            title: t('launchDate'),
            dataIndex: 'launchDate',
            width: 110,
            render: (d: string | null) => d || '—',
          },
          {
            title: t('deployment'),
            key: 'dp',
            width: 100,
            render: (_: unknown, s: CensusSystem) => label('deployment', s.deployment),
          },
          {
            title: t('onCountyPlatform'),
            dataIndex: 'onCountyPlatform',
            width: 100,
            render: (v: boolean) => (v ? t('yes') : t('no')),
          },
          ...(countyWide && !unitId
            ? [
                {
                  title: t('unit'),
                  dataIndex: 'unitId',
                  width: 180,
                  render: (id: string) => unitName.get(id) ?? id,
                },
              ]
            : []),
          { title: t('updatedAt'), dataIndex: 'updatedAt', width: 160, render: (d: string) => formatTime(d) },
          ...(cataloguer
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, s: CensusSystem) =>
                    s.unitId === user.unitId && !s.retired ? (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setEditing(s)}
                          data-testid={`census-edit-${s.id}`}
                        >
                          {t('edit')}
                        </Button>
                        <Popconfirm title={t('retireConfirm', { name: s.name })} onConfirm={() => retire(s)}>
                          <Button type="link" size="small" danger data-testid={`census-retire-${s.id}`}>
                            {t('retire')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('uncatalogued')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={uncatalogued.loading}
        dataSource={uncatalogued.data ?? []}
        locale={{ emptyText: t('uncataloguedNone') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="census-uncatalogued"
        columns={[
          { title: t('unit'), dataIndex: 'unitName', width: 180 },
          { title: t('name'), dataIndex: 'name' },
          {
            title: t('status'),
            key: 'st',
            render: (_: unknown, s: CensusSystem) => label('status', s.status),
          },
        ]}
      />
      {editing ? (
        <CensusModal
          system={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
            uncatalogued.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
