/** @module ui/pages/dashboard/trend-card: the weekly trend of the chosen period: problems received, rectified, rectified late. */
import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import type { TrendWeek } from '../../api';
import { useT } from '../../i18n';
import { weekLabels } from './figures';
import { LineChart } from './line-chart';

/** The page fetches the trend (its answer also carries the open-problems KPI) and hands the weeks down. */
export function TrendCard({
  from,
  to,
  weeks,
  error,
}: {
  from: string;
  to: string;
  weeks: TrendWeek[] | undefined;
  error: unknown;
}) {
  const t = useT();
  const chart = useMemo(() => {
    const list = weeks ?? [];
    return {
      // "MM-DD" of each week's Monday (the first week from the period's start): the year is in the picker above.
      categories: weekLabels(
        list.map((w) => w.weekStart),
        from,
      ),
      series: [
        { name: t('dashboard.received'), values: list.map((w) => w.received), color: '#1667d9' },
        { name: t('dashboard.rectified'), values: list.map((w) => w.rectified), color: '#389e0d' },
        { name: t('dashboard.rectifiedLate'), values: list.map((w) => w.rectifiedLate), color: '#cf1322' },
      ],
    };
  }, [weeks, t, from]);

  return (
    <Card title={`${t('dashboard.trend')}（${from} — ${to}）`}>
      {error ? (
        <Alert type="error" showIcon title={(error as Error).message} data-testid="trend-error" />
      ) : (
        <LineChart testId="chart-weekly-trend" categories={chart.categories} series={chart.series} />
      )}
    </Card>
  );
}
