/** @module ui/pages/admin/provisional-list: open tasks whose deadline stays provisional until a year's schedule is loaded. */
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ProvisionalDeadline } from '../../api';
import { formatTime } from '../../lib';
import { useAdminT } from './messages';

export function ProvisionalList({ items, loading }: { items: ProvisionalDeadline[]; loading: boolean }) {
  const t = useAdminT();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('provisional.hint')}</Typography.Paragraph>
      <Table<ProvisionalDeadline>
        rowKey="taskId"
        size="small"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('provisional.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="provisional-list"
        columns={[
          {
            title: t('provisional.task'),
            dataIndex: 'taskName',
            render: (name: string, d) => <Link to={`/instances/${d.processInstanceId}`}>{name}</Link>,
          },
          {
            title: t('provisional.process'),
            key: 'process',
            render: (_: unknown, d) => (
              <>
                {d.processName ?? d.processKey}
                {d.businessKey ? (
                  <Typography.Text type="secondary"> · {d.businessKey}</Typography.Text>
                ) : null}
              </>
            ),
          },
          { title: t('provisional.unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
          {
            title: t('provisional.due'),
            dataIndex: 'dueAt',
            render: (d: string) => (
              <>
                {formatTime(d)} <Tag color="orange">?</Tag>
              </>
            ),
          },
          {
            title: t('provisional.missing'),
            dataIndex: 'missingYears',
            render: (ys: number[]) => ys.map((y) => <Tag key={y}>{y}</Tag>),
          },
        ]}
      />
    </>
  );
}
