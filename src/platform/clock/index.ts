export { type Clock, fixedClock, systemClock } from './clock.ts';
