/** @module ui/pages/dashboard: 督办: KPIs, overdue by unit, the weekly trend, the overdue list and per-unit statistics for a period, bulletin export. */
import { Alert, Button, Card, Col, Row, Space, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { itemsOf, type OverdueItem, supervision, supervisionTrend, type UnitStats } from '../../api';
import { DueTag, PersonName } from '../../components';
import { useT } from '../../i18n';
import { formatTime, useAsync, useProcessNames } from '../../lib';
import { BarChart } from './bar-chart';
import { defaultPeriod } from './default-period';
import { ExportButton } from './export-button';
import { onTimeRate, splitByActivity } from './figures';
import { PeriodPicker } from './period-picker';
import { StaleCard } from './stale-card';
import { TrendCard } from './trend-card';

export default function DashboardPage() {
  const t = useT();
  const processNames = useProcessNames();
  // Computed once: the period starts as this China month so far and is the user's afterwards.
  const [initial] = useState(() => defaultPeriod(new Date()));
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  // A reversed period is said once, here, instead of three requests each failing with the server's words (#17).
  const reversed = from > to;
  const overdue = useAsync(() => supervision.overdue().then(itemsOf), []);
  const stats = useAsync(
    async () => (reversed ? [] : supervision.stats(from, to).then((r) => r.items ?? [])),
    [from, to],
  );
  const trend = useAsync(async () => (reversed ? undefined : supervisionTrend(from, to)), [from, to]);
  const [showQuiet, setShowQuiet] = useState(false);
  const units = useMemo(() => splitByActivity(stats.data ?? []), [stats.data]);

  const totals = useMemo(() => {
    const sum = (k: keyof UnitStats) => (stats.data ?? []).reduce((n, s) => n + (Number(s[k]) || 0), 0);
    return {
      received: sum('problemsReceived'),
      rectified: sum('problemsRectified'),
      onTime: sum('rectifiedOnTime'),
      overdueNow: sum('overdueNow'),
    };
  }, [stats.data]);
  const byUnit = useMemo(() => {
    const counts = new Map<string, number>();
    for (const o of overdue.data ?? [])
      counts.set(o.unitName ?? '—', (counts.get(o.unitName ?? '—') ?? 0) + 1);
    const units = [...counts.keys()];
    return { units, values: units.map((u) => counts.get(u) ?? 0) };
  }, [overdue.data]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('dashboard.title')}
        extra={
          <Space wrap>
            <PeriodPicker
              from={from}
              to={to}
              onChange={(f, t2) => {
                setFrom(f);
                setTo(t2);
              }}
            />
            <ExportButton from={from} to={to} />
          </Space>
        }
      >
        {reversed ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('dashboard.periodReversed')}
            data-testid="period-reversed"
          />
        ) : null}
        <Row gutter={16}>
          <Col flex="1 1 0">
            <Statistic
              title={t('dashboard.openProblems')}
              value={trend.data?.openProblems ?? 0}
              data-testid="kpi-open-problems"
            />
          </Col>
          <Col flex="1 1 0">
            <Statistic
              title={t('dashboard.overdueNow')}
              value={overdue.data?.length ?? 0}
              styles={{ content: { color: '#cf1322' } }}
              data-testid="kpi-overdue"
            />
          </Col>
          <Col flex="1 1 0">
            <Statistic title={t('dashboard.received')} value={totals.received} data-testid="kpi-received" />
          </Col>
          <Col flex="1 1 0">
            <Statistic
              title={t('dashboard.rectified')}
              value={totals.rectified}
              data-testid="kpi-rectified"
            />
          </Col>
          <Col flex="1 1 0">
            <Statistic
              title={<span title={t('dashboard.onTimeHint')}>{t('dashboard.onTime')}</span>}
              value={onTimeRate(totals.onTime, totals.rectified, totals.overdueNow) ?? '—'}
              suffix={
                onTimeRate(totals.onTime, totals.rectified, totals.overdueNow) === null ? undefined : '%'
              }
              data-testid="kpi-on-time"
            />
          </Col>
        </Row>
      </Card>
      <StaleCard />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.overdueByUnit')}>
            <BarChart
              testId="chart-overdue-by-unit"
              categories={byUnit.units}
              series={[{ name: t('dashboard.overdueNow'), values: byUnit.values, color: '#cf1322' }]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('dashboard.overdueList')}>
            <Table<OverdueItem>
              size="small"
              rowKey={(o) => o.task.id}
              loading={overdue.loading}
              dataSource={overdue.data ?? []}
              data-testid="overdue-list"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                {
                  title: t('tasks.name'),
                  key: 'n',
                  render: (_: unknown, o) => (
                    <Link to={`/instances/${o.task.processInstanceId}`}>{o.task.name}</Link>
                  ),
                },
                {
                  title: t('tasks.process'),
                  key: 'p',
                  responsive: ['md'],
                  render: (_: unknown, o) => processNames[o.task.processKey] ?? o.task.processKey,
                },
                { title: t('catalog.unit'), dataIndex: 'unitName', responsive: ['sm'] },
                {
                  title: t('tasks.due'),
                  key: 'd',
                  // The next column counts the overdue working days: no second red tag here.
                  render: (_: unknown, o) => (
                    <DueTag task={{ dueAt: o.dueAt, overdue: false, dueProvisional: o.dueProvisional }} />
                  ),
                },
                {
                  title: t('dashboard.overdueDays'),
                  dataIndex: 'overdueWorkdays',
                  sorter: (a, b) => a.overdueWorkdays - b.overdueWorkdays,
                },
                {
                  title: t('tasks.assignee'),
                  key: 'a',
                  responsive: ['md'],
                  render: (_: unknown, o) => <PersonName username={o.task.assignee} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {reversed ? null : <TrendCard from={from} to={to} weeks={trend.data?.weeks} error={trend.error} />}
      <Card title={`${t('dashboard.stats')}（${from} — ${to}）`}>
        <Table<UnitStats>
          size="small"
          rowKey="unitId"
          loading={stats.loading}
          dataSource={showQuiet ? [...units.active, ...units.quiet] : units.active}
          data-testid="stats-table"
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('stats.unit'), dataIndex: 'unitName', fixed: 'left' },
            { title: t('stats.problemsReceived'), dataIndex: 'problemsReceived' },
            { title: t('stats.problemsRectified'), dataIndex: 'problemsRectified' },
            { title: t('stats.rectifiedOnTime'), dataIndex: 'rectifiedOnTime' },
            { title: t('stats.overdueNow'), dataIndex: 'overdueNow' },
            {
              title: t('stats.avgWorkdaysToFix'),
              dataIndex: 'avgWorkdaysToFix',
              render: (v: number | null) => (v == null ? '—' : v.toFixed(1)),
            },
            { title: t('stats.reworkRounds'), dataIndex: 'reworkRounds' },
            { title: t('stats.entriesRegistered'), dataIndex: 'entriesRegistered' },
            { title: t('stats.entriesChanged'), dataIndex: 'entriesChanged' },
            { title: t('stats.entriesReturned'), dataIndex: 'entriesReturned' },
          ]}
        />
        {units.quiet.length ? (
          <p style={{ marginTop: 8 }} data-testid="stats-quiet">
            {t('dashboard.quietUnits', { n: units.quiet.length })}{' '}
            <Button
              type="link"
              size="small"
              onClick={() => setShowQuiet((v) => !v)}
              data-testid="stats-quiet-toggle"
            >
              {showQuiet ? t('dashboard.hideQuiet') : t('dashboard.showQuiet')}
            </Button>
          </p>
        ) : null}
        <p style={{ color: '#888', marginTop: 8 }}>
          {t('dashboard.updatedAt', { at: formatTime(new Date().toISOString()) })}
        </p>
      </Card>
    </Space>
  );
}
