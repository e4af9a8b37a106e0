/**
 * @module ui/pages/bulletins: one published bulletin (通报各部门) as a unit leader opens it from the notification:
 * period, the reviewer's summary, each unit's figures (the reader's own unit marked), stale entries, the workbook.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { downloadFile, request, type Schemas } from '../../api';
import { useUser } from '../../auth';
import { useAsync } from '../../lib';
import { chinaMinute } from '../catalog/catalog-scale-api';
import { useBulletinT } from './bulletin-messages';

type Bulletin = Schemas['Bulletin'];
type UnitStats = Schemas['UnitStats'];
type StaleEntry = Schemas['StaleEntry'];

export default function BulletinPage() {
  const { id = '' } = useParams();
  const bt = useBulletinT();
  const user = useUser();
  const state = useAsync(() => request<Bulletin>(`/supervision/bulletins/${encodeURIComponent(id)}`), [id]);
  const [downloadError, setDownloadError] = useState<string>();
  const b = state.data;
  if (state.error) return <Alert type="error" showIcon title={bt('notFound')} data-testid="bulletin-error" />;
  if (!b) return <Spin />;
  const active = (s: UnitStats) =>
    s.problemsReceived + s.problemsRectified + s.overdueNow + s.entriesRegistered + s.entriesStale > 0 ||
    s.unitId === user.unitId;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<span data-testid="bulletin-title">{b.title}</span>}
        extra={
          <Button
            icon={<DownloadOutlined />}
            data-testid="bulletin-download"
            onClick={() =>
              downloadFile(
                `/api/supervision/bulletins/${encodeURIComponent(b.id)}/xlsx`,
                `${b.title}.xlsx`,
              ).catch((err) => setDownloadError(`${bt('downloadFailed')}：${(err as Error).message}`))
            }
          >
            {bt('download')}
          </Button>
        }
      >
        {downloadError ? <Alert type="error" showIcon title={downloadError} /> : null}
        <Descriptions column={3} size="small">
          <Descriptions.Item label={bt('period')}>
            {b.periodFrom} — {b.periodTo}
          </Descriptions.Item>
          <Descriptions.Item label={bt('status')}>
            {b.status === 'published' ? <Tag color="green">{bt('published')}</Tag> : <Tag>{bt('draft')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={bt('publishedAt')}>{chinaMinute(b.publishedAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{bt('summary')}</Typography.Title>
        <Typography.Paragraph data-testid="bulletin-summary" style={{ whiteSpace: 'pre-wrap' }}>
          {b.summary ?? bt('noSummary')}
        </Typography.Paragraph>
      </Card>
      <Card title={bt('units')}>
        <Table<UnitStats>
          size="small"
          rowKey="unitId"
          dataSource={b.stats.filter(active)}
          pagination={false}
          data-testid="bulletin-units"
          rowClassName={(s) => (s.unitId === user.unitId ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: bt('unit'),
              key: 'u',
              render: (_: unknown, s) => (
                <Space>
                  {s.unitName}
                  {s.unitId === user.unitId ? <Tag color="blue">{bt('own')}</Tag> : null}
                </Space>
              ),
            },
            { title: bt('received'), dataIndex: 'problemsReceived' },
            { title: bt('rectified'), dataIndex: 'problemsRectified' },
            { title: bt('onTime'), dataIndex: 'rectifiedOnTime' },
            { title: bt('overdueNow'), dataIndex: 'overdueNow' },
            { title: bt('registered'), dataIndex: 'entriesRegistered' },
            { title: bt('stale'), dataIndex: 'entriesStale' },
          ]}
        />
      </Card>
      <Card title={bt('staleTitle', { n: b.stale.total })}>
        <Table<StaleEntry>
          size="small"
          rowKey="entryId"
          dataSource={b.stale.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="bulletin-stale"
          columns={[
            { title: bt('unit'), dataIndex: 'unitName' },
            { title: bt('code'), dataIndex: 'code' },
            { title: bt('name'), dataIndex: 'name' },
            { title: bt('dueAt'), key: 'd', render: (_: unknown, e) => chinaMinute(e.dueAt) },
          ]}
        />
      </Card>
    </Space>
  );
}
