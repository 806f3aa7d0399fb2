export { type Bar, type BarChartInput, barChart } from './bar-chart.ts';
export {
  CHART_COLOURS,
  type ChartFrame,
  type ChartPoint,
  type ChartSeries,
  chartFrame,
  escapeXml,
  type LineChartInput,
  type LinePattern,
  linearScale,
  lineChart,
  niceTicks,
} from './line-chart.ts';
