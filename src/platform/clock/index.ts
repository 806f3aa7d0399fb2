export { addMonths } from './calendar-rules.ts';
export { type Clock, fixedClock, systemClock } from './clock.ts';
