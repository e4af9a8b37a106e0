/** @module ui/pages/dashboard/line-chart: categories × series as lines (the weekly trend). */
import { useMemo } from 'react';
import { type ChartSeries, EChart } from './echart';

export type LineSeries = ChartSeries;

export function LineChart({
  categories,
  series,
  testId,
}: {
  categories: string[];
  series: LineSeries[];
  testId?: string;
}) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: categories, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        // Straight segments: a spline would dip below zero between weeks of counts.
        smooth: false,
        showSymbol: categories.length <= 26,
        itemStyle: s.color ? { color: s.color } : undefined,
      })),
    }),
    [categories, series],
  );
  return <EChart option={option} testId={testId} points={categories.length} />;
}
