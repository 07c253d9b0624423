import { BarChart as EBar, PieChart as EPie } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, EPie, GridComponent, TooltipComponent, SVGRenderer]);

// A chart of counts: bars for many categories (horizontal, labels readable), a pie for a few parts of a whole.
export function CountChart({ data, kind = 'bar', height = 260 }: { data: { label: string; count: number }[]; kind?: 'bar' | 'pie'; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const font = { fontFamily: 'Microsoft YaHei, Noto Sans CJK SC, sans-serif' };
    chart.setOption(
      kind === 'pie'
        ? {
            textStyle: font,
            tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
            series: [{ type: 'pie', radius: ['35%', '65%'], data: data.map((d) => ({ name: d.label, value: d.count })), label: { formatter: '{b} {c}' } }],
          }
        : {
            textStyle: font,
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: data.map((d) => d.label) },
            series: [{ type: 'bar', data: data.map((d) => d.count), itemStyle: { color: '#a8071a' }, label: { show: true, position: 'right' } }],
          },
    );
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => (window.removeEventListener('resize', onResize), chart.dispose());
  }, [data, kind]);
  return <div ref={el} style={{ height, width: '100%' }} />;
}
