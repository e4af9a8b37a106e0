/** @module ui/pages/dashboard/bar-chart: categories × series as bars (overdue tasks per unit). */
import { useMemo } from 'react';
import { type ChartSeries, EChart } from './echart';

export type BarSeries = ChartSeries;

export function BarChart({
  categories,
  series,
  testId,
}: {
  categories: string[];
  series: BarSeries[];
  testId?: string;
}) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 36, bottom: 60 },
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        barMaxWidth: 48,
        itemStyle: s.color ? { color: s.color } : undefined,
      })),
    }),
    [categories, series],
  );
  return <EChart option={option} testId={testId} />;
}
