export {
  CHART_COLOURS,
  type ChartPoint,
  type ChartSeries,
  escapeXml,
  type LineChartInput,
  type LinePattern,
  linearScale,
  lineChart,
  niceTicks,
} from './line-chart.ts';
