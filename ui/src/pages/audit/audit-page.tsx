/**
 * @module ui/pages/audit/audit-page: /audit (安全审计) for audit.admin: the audit log filtered by China dates, actor
 * and action, newest first, paged, and exported as a workbook with the same filters. Filters live in the URL.
 */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { downloadFile } from '../../api';
import { useAsync } from '../../lib';
import { type AuditEntry, type AuditFilters, auditLog, chinaTime } from './audit-api';
import { useAuditT } from './messages';

const PAGE_SIZE = 50;
const OUTCOME_COLOR = { ok: 'green', denied: 'orange', failed: 'red' } as const;
const FILTER_KEYS = ['from', 'to', 'actor', 'action'] as const;

export default function AuditPage() {
  const t = useAuditT();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const page = Number(params.get('page') ?? 1) || 1;
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const list = useAsync(
    (signal) => auditLog.list(filters, page, PAGE_SIZE, signal),
    [filters.from, filters.to, filters.actor, filters.action, page],
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();

  const apply = (next: AuditFilters, nextPage = 1) => {
    const search = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = next[k]?.trim();
      if (v) search.set(k, v);
    }
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search, { replace: true });
  };

  async function exportXlsx() {
    setExporting(true);
    setExportError(undefined);
    try {
      await downloadFile(auditLog.exportUrl(filters), 'audit.xlsx');
    } catch (err) {
      setExportError(`${t('exportFailed')}：${(err as Error).message}`);
    } finally {
      setExporting(false);
    }
  }

  const field = (key: keyof AuditFilters) => ({
    value: draft[key] ?? '',
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
    onPressEnter: () => apply(draft),
  });

  return (
    <Card
      title={t('title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={exportXlsx}
          data-testid="audit-export"
        >
          {exporting ? t('exporting') : t('export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          type="date"
          aria-label={t('from')}
          style={{ width: 160 }}
          {...field('from')}
          data-testid="audit-from"
        />
        <span>—</span>
        <Input
          type="date"
          aria-label={t('to')}
          style={{ width: 160 }}
          {...field('to')}
          data-testid="audit-to"
        />
        <Input
          allowClear
          placeholder={t('actor')}
          aria-label={t('actor')}
          style={{ width: 180 }}
          {...field('actor')}
          data-testid="audit-actor"
        />
        <Input
          allowClear
          placeholder={t('action')}
          aria-label={t('action')}
          style={{ width: 240 }}
          {...field('action')}
          data-testid="audit-action"
        />
        <Button
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => apply(draft)}
          data-testid="audit-search"
        >
          {t('search')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            apply({});
          }}
        >
          {t('reset')}
        </Button>
      </Space>
      {exportError ? (
        <Alert
          type="error"
          showIcon
          closable
          title={exportError}
          style={{ marginBottom: 12 }}
          data-testid="audit-export-error"
        />
      ) : null}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="audit-table"
        onRow={(r) => ({ 'data-testid': `audit-row-${r.id}` }) as never}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('total', { n }),
          onChange: (p) => apply(filters, p),
        }}
        columns={[
          { title: t('col.at'), dataIndex: 'at', width: 170, render: (at: string) => chinaTime(at) },
          {
            title: t('col.actor'),
            dataIndex: 'actor',
            width: 140,
            render: (a: string | null) =>
              a ?? <Typography.Text type="secondary">{t('anonymous')}</Typography.Text>,
          },
          { title: t('col.ip'), dataIndex: 'ip', width: 130 },
          {
            title: t('col.action'),
            dataIndex: 'action',
            width: 170,
            render: (a: string) => <code>{a}</code>,
          },
          { title: t('col.target'), dataIndex: 'target', ellipsis: true },
          {
            title: t('col.outcome'),
            dataIndex: 'outcome',
            width: 80,
            render: (o: AuditEntry['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{t(`outcome.${o}`)}</Tag>,
          },
          {
            title: t('col.details'),
            dataIndex: 'details',
            ellipsis: true,
            render: (d: AuditEntry['details']) =>
              d ? (
                <Typography.Text code title={JSON.stringify(d)}>
                  {JSON.stringify(d)}
                </Typography.Text>
              ) : null,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('retention')}
      </Typography.Paragraph>
    </Card>
  );
}
