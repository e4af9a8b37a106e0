/** @module ui/pages/dashboard/trend-card: the weekly trend of the chosen period: problems received, rectified, rectified late. */
import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import { supervisionTrend } from '../../api';
import { useT } from '../../i18n';
import { useAsync } from '../../lib';
import { LineChart } from './line-chart';

export function TrendCard({ from, to }: { from: string; to: string }) {
  const t = useT();
  const trend = useAsync(() => supervisionTrend(from, to).then((r) => r.weeks ?? []), [from, to]);
  const chart = useMemo(() => {
    const weeks = trend.data ?? [];
    return {
      // "MM-DD" of each week's Monday: the year is in the period picker above.
      categories: weeks.map((w) => w.weekStart.slice(5)),
      series: [
        { name: t('dashboard.received'), values: weeks.map((w) => w.received), color: '#1667d9' },
        { name: t('dashboard.rectified'), values: weeks.map((w) => w.rectified), color: '#389e0d' },
        { name: t('dashboard.rectifiedLate'), values: weeks.map((w) => w.rectifiedLate), color: '#cf1322' },
      ],
    };
  }, [trend.data, t]);

  return (
    <Card title={`${t('dashboard.trend')}（${from} — ${to}）`}>
      {trend.error ? (
        <Alert type="error" showIcon title={(trend.error as Error).message} data-testid="trend-error" />
      ) : (
        <LineChart testId="chart-weekly-trend" categories={chart.categories} series={chart.series} />
      )}
    </Card>
  );
}
