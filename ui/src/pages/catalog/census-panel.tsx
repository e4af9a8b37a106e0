/**
 * @module ui/pages/catalog/census-panel: 信息系统普查: a unit's cataloguer lists, adds and edits their unit's information
 * systems; the authority and supervisors see every unit's, with a unit filter.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type CensusSystem, census, itemsOf, units } from '../../api';
import { useUser } from '../../auth';
import { formatTime, isCountyWide, useAsync } from '../../lib';
import { useCensusT } from './census-messages';
import { CensusModal } from './census-modal';

export function CensusPanel() {
  const t = useCensusT();
  const user = useUser();
  // County-wide readers (identity's catalog via GET /api/roles) choose a unit; everyone else sees their own.
  const countyWide = isCountyWide(user.roles);
  const cataloguer = user.roles.includes('unit.cataloguer');
  const [params, setParams] = useSearchParams();
  const unitId = countyWide ? (params.get('unit') ?? undefined) : user.unitId;
  const list = useAsync(() => census.list(unitId).then((r) => r.items), [unitId]);
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
          { title: t('description'), dataIndex: 'description', render: (d: string | null) => d || '—' },
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
                  width: 90,
                  render: (_: unknown, s: CensusSystem) =>
                    s.unitId === user.unitId ? (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(s)}
                        data-testid={`census-edit-${s.id}`}
                      >
                        {t('edit')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <CensusModal
          system={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
