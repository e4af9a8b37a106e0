/** @module ui/pages/admin/units-page: /admin/units (security.admin): the county's units as data: add, rename, set kind, deactivate/activate, import. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { showError, showSuccess, useAsync } from '../../lib';
import { ImportButton } from '../imports/import-button';
import { type AdminUnit, adminUnits, type UnitKind } from './units-api';
import { type UnitsMessageKey, useUnitsT } from './units-messages';

const KINDS: UnitKind[] = ['department', 'town', 'public-service', 'authority'];

export default function UnitsPage() {
  const t = useUnitsT();
  const list = useAsync(() => adminUnits.list(), []);
  const [editing, setEditing] = useState<AdminUnit | 'new'>();
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const all = list.data ?? [];
    return needle ? all.filter((u) => u.code.toLowerCase().includes(needle) || u.name.includes(needle)) : all;
  }, [list.data, q]);
  const kindLabel = (k: UnitKind) => t(`kind.${k}` as UnitsMessageKey);
  const toggle = async (u: AdminUnit) => {
    try {
      await adminUnits.update(u.id, { active: !u.active });
      showSuccess(t(u.active ? 'units.deactivated' : 'units.activated', { name: u.name }));
      list.reload();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card
      title={t('units.title')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('units.search')}
            aria-label={t('units.search')}
            onSearch={setQ}
            onChange={(e) => !e.target.value && setQ('')}
            style={{ width: 200 }}
            data-testid="units-search"
          />
          <ImportButton kind="units" onImported={list.reload} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="units-new"
          >
            {t('units.new')}
          </Button>
        </Space>
      }
    >
      {(list.data ?? []).some((u) => u.example) && (
        <Alert type="info" showIcon title={t('units.exampleHint')} style={{ marginBottom: 12 }} />
      )}
      <Table
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="units-table"
        columns={[
          { title: t('units.code'), dataIndex: 'code', width: 160 },
          {
            title: t('units.name'),
            dataIndex: 'name',
            render: (name: string, u: AdminUnit) => (
              <Space>
                {name}
                {u.example && <Tag>{t('units.example')}</Tag>}
              </Space>
            ),
          },
          { title: t('units.kind'), dataIndex: 'kind', width: 160, render: kindLabel },
          {
            title: t('units.status'),
            dataIndex: 'active',
            width: 100,
            render: (active: boolean) =>
              active ? <Tag color="green">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>,
          },
          {
            title: t('units.actions'),
            width: 160,
            render: (_: unknown, u: AdminUnit) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)} data-testid={`unit-edit-${u.id}`}>
                  {t('common.edit')}
                </Button>
                {u.kind !== 'authority' &&
                  (u.active ? (
                    <Popconfirm title={t('units.deactivateConfirm')} onConfirm={() => toggle(u)}>
                      <Button size="small" danger data-testid={`unit-deactivate-${u.id}`}>
                        {t('units.deactivate')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" onClick={() => toggle(u)} data-testid={`unit-activate-${u.id}`}>
                      {t('units.activate')}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UnitModal
          unit={editing === 'new' ? undefined : editing}
          kindLabel={kindLabel}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

function UnitModal({
  unit,
  kindLabel,
  onClose,
  onSaved,
}: {
  unit?: AdminUnit;
  kindLabel: (k: UnitKind) => string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useUnitsT();
  const [form] = Form.useForm<{ code: string; name: string; kind: UnitKind }>();
  const [saving, setSaving] = useState(false);
  const kinds = unit?.kind === 'authority' ? ['authority' as const] : KINDS.filter((k) => k !== 'authority');
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (unit) {
        await adminUnits.update(unit.id, { name: values.name, kind: values.kind });
        showSuccess(t('units.saved'));
      } else {
        const made = await adminUnits.create(values);
        showSuccess(t('units.created', { name: made.name }));
      }
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={unit ? t('units.edit') : t('units.new')}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'unit-save' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={unit ?? { kind: 'department' }}>
        <Form.Item
          name="code"
          label={t('units.code')}
          extra={t('units.codeRule')}
          rules={[{ required: true, message: t('units.required', { field: t('units.code') }) }]}
        >
          <Input disabled={!!unit} data-testid="unit-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[
            { required: true, whitespace: true, message: t('units.required', { field: t('units.name') }) },
          ]}
        >
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))} data-testid="unit-kind" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
