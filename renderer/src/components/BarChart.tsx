import { BarChart as EBar, PieChart as EPie } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, EPie, GridComponent, TooltipComponent, SVGRenderer]);

// A chart of counts: bars for many categories (horizontal, labels readable), a pie for a few parts of a whole.
// Long names (a batch's title) are shortened on the axis, whole in the tooltip, so they never crowd out the
// bars; the pie's labels sit outside with room kept for them, so none is cut at the chart's edge.
const AXIS_LABEL_CHARS = 10;
export const shortLabel = (label: string) => {
  const batch = /^(第.+?批)/u.exec(label)?.[1];
  if (batch && label.length > AXIS_LABEL_CHARS) return batch; // «第三批复制推广…» → «第三批»
  return label.length > AXIS_LABEL_CHARS ? `${label.slice(0, AXIS_LABEL_CHARS - 1)}…` : label;
};
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
            tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）', confine: true },
            series: [
              {
                type: 'pie',
                radius: ['30%', '55%'],
                center: ['50%', '50%'],
                avoidLabelOverlap: true,
                data: data.map((d) => ({ name: d.label, value: d.count })),
                label: { formatter: '{b} {c}', overflow: 'break', width: 130, fontSize: 12, lineHeight: 18 },
                labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' },
                labelLine: { length: 8, length2: 8 },
              },
            ],
          }
        : {
            textStyle: font,
            tooltip: { trigger: 'axis', confine: true, formatter: (p: { dataIndex: number }[]) => `${data[p[0]!.dataIndex]!.label}：${data[p[0]!.dataIndex]!.count}` },
            grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
            yAxis: { type: 'category', inverse: true, data: data.map((d) => d.label), axisLabel: { formatter: shortLabel, interval: 0 } },
            series: [{ type: 'bar', barMaxWidth: 24, data: data.map((d) => d.count), itemStyle: { color: '#a8071a' }, label: { show: true, position: 'right' } }],
          },
    );
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => (window.removeEventListener('resize', onResize), chart.dispose());
  }, [data, kind]);
  return <div ref={el} style={{ height, width: '100%' }} />;
}
