/** What every actor and chain shares: the day, its clock, the seed and where records go. */
import { DAY, DayClock } from '../clock';
import type { JsonObject } from '../records/json';

/**
 * Where records go. `route` names the log: `aws/<account>/<region>`, `gcp/activity`, `gcp/data_access`,
 * `azure/activity/<subscription>`, `azure/signin`.
 */
export interface RecordSink {
  emit(route: string, time: number, record: JsonObject): void;
}

export interface World {
  seed: number;
  dayStart: number;
  /** Exclusive. */
  dayEnd: number;
  clock: DayClock;
}

export function makeWorld(seed: number, dayStart: number): World {
  return { seed, dayStart, dayEnd: dayStart + DAY, clock: new DayClock(dayStart) };
}

/** A time `delta` ms after `t`, kept inside the day (follow-up records such as an operation's completion). */
export function later(world: World, t: number, delta: number): number {
  return Math.min(t + delta, world.dayEnd - 1);
}
