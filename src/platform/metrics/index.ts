export { ageSeconds, type GaugeReading, type GaugeSource, METRICS_PATH, platformGauges, registerMetrics } from './metrics.ts';
