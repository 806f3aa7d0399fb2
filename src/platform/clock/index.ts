export { addDays, addMonths, daysBetween } from './calendar-rules.ts';
export { type Clock, fixedClock, systemClock } from './clock.ts';
