/** @module ui/pages/dashboard/bar-chart: a small echarts bar chart (tree-shaken echarts core) that follows its container's width. */
import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
  color?: string;
}

export function BarChart({ categories, series, testId }: { categories: string[]; series: BarSeries[]; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    chart.current = echarts.init(ref.current!);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current!);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 20, top: 36, bottom: 60 },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 48, itemStyle: s.color ? { color: s.color } : undefined })),
      },
      true,
    );
  }, [categories, series]);

  return <div ref={ref} style={{ height: 300, width: '100%' }} data-testid={testId} />;
}
