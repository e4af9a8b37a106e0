/** @module ui/pages/dashboard/line-chart: a small echarts line chart (tree-shaken echarts core, as bar-chart) that follows its container's width. */
import { LineChart as ELine } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([ELine, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface LineSeries {
  name: string;
  values: number[];
  color?: string;
}

export function LineChart({ categories, series, testId }: { categories: string[]; series: LineSeries[]; testId?: string }) {
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
      },
      true,
    );
  }, [categories, series]);

  return <div ref={ref} style={{ height: 300, width: '100%' }} data-testid={testId} data-points={categories.length} />;
}
