/** @module ui/pages/dashboard/echart: one echarts canvas (tree-shaken echarts core: bar and line only) that follows its container's width. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  values: number[];
  color?: string;
}

export type ChartOption = echarts.EChartsCoreOption;

/** Renders `option` (replaced whole on change); `data-points` tells tests how many categories are drawn. */
export function EChart({
  option,
  testId,
  points,
}: {
  option: ChartOption;
  testId?: string;
  points?: number;
}) {
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
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} style={{ height: 300, width: '100%' }} data-testid={testId} data-points={points} />;
}
