/** Time is injected: services take a Clock, tests pass a fixed one and never sleep. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that stays where it is put.
 *
 * @example const clock = fixedClock('2026-04-06T09:00:00Z'); clock.advance(60_000);
 */
export function fixedClock(start: string | Date): Clock & { advance(ms: number): void; set(at: string | Date): void } {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
    set: (to) => {
      at = new Date(to);
    },
  };
}
