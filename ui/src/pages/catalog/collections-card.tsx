/**
 * @module ui/pages/catalog/collections-card: an entry's update cycle (三(四)): last collection, next deadline, the
 * collections recorded; the unit's cataloguer or a 数据归集员 records one.
 */
import { Button, Card, Descriptions, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import type { CatalogEntry } from '../../api';
import { useUser } from '../../auth';
import { showError, showSuccess, useAsync } from '../../lib';
import { type Collection, catalogScale, chinaMinute } from './catalog-scale-api';
import { labelOf, useScaleT } from './scale-messages';

export function CollectionsCard({ entry, onChanged }: { entry: CatalogEntry; onChanged: () => void }) {
  const st = useScaleT();
  const user = useUser();
  const list = useAsync(() => catalogScale.collections(entry.id).then((r) => r.items), [entry.id]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ records?: number; note?: string }>();
  const may =
    entry.status === 'active' &&
    (user.roles.includes('platform.collector') ||
      (user.roles.includes('unit.cataloguer') && user.unitId === entry.unitId));
  const stale =
    entry.status === 'active' &&
    !!entry.nextCollectionDue &&
    new Date(entry.nextCollectionDue).getTime() < Date.now();
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const r = await catalogScale.collect(entry.id, {
        records: values.records ?? undefined,
        note: values.note,
      });
      showSuccess(st('collected', { due: chinaMinute(r.nextCollectionDue) }));
      setOpen(false);
      form.resetFields();
      list.reload();
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={st('collections')}
      data-testid="entry-collections"
      extra={
        may ? (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="entry-collect">
            {st('collect')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={st('updateCycle')}>
          {labelOf(st, 'cycle', entry.updateCycle)}
        </Descriptions.Item>
        <Descriptions.Item label={st('lastCollected')}>
          {entry.lastCollectedAt ? chinaMinute(entry.lastCollectedAt) : st('never')}
        </Descriptions.Item>
        <Descriptions.Item label={st('nextDue')}>
          {entry.nextCollectionDue ? (
            <span data-testid="entry-next-due">
              {chinaMinute(entry.nextCollectionDue)} {stale ? <Tag color="red">{st('stale')}</Tag> : null}
            </span>
          ) : (
            st('noDue')
          )}
        </Descriptions.Item>
      </Descriptions>
      <Table<Collection>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: st('collectAt'), key: 'at', render: (_: unknown, c) => chinaMinute(c.at) },
          { title: st('records'), dataIndex: 'records', render: (n: number | null) => n ?? '—' },
          { title: st('recordedBy'), dataIndex: 'recordedBy' },
          { title: st('note'), dataIndex: 'note', render: (n: string | null) => n || '—' },
        ]}
      />
      <Modal
        open={open}
        title={st('collectTitle')}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okButtonProps={{ loading: busy, 'data-testid': 'collect-save' } as never}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="collection">
          <Form.Item name="records" label={st('records')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="collect-records" />
          </Form.Item>
          <Form.Item name="note" label={st('note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} data-testid="collect-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
