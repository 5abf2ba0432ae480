/**
 * A benign identity going about its day. The generator asks each actor, hour by hour, for a number of records; the
 * actor plans when its calls happen (uniform for automation, bursts for people and pipelines) and then, slot by slot,
 * makes them. Credentials are minted when the actor needs them, so lineage stays consistent across hours.
 */
import type { CloudProvider } from '../../../common/audit_event';
import { type DailyProfile, HOUR, MINUTE } from '../clock';
import type { JsonObject } from '../records/json';
import { Rng } from '../random';
import type { RecordSink, World } from './world';

export interface ActorSpec {
  key: string;
  recordsPerAction?: number;
  provider: CloudProvider;
  /** Share of its provider's benign volume (relative to the other actors of that provider). */
  weight: number;
  profile: DailyProfile;
}

interface Scheduled {
  time: number;
  run: () => void;
}

export abstract class Actor {
  readonly key: string;
  readonly provider: CloudProvider;
  readonly weight: number;
  readonly profile: DailyProfile;
  protected readonly rng: Rng;
  /** Records written so far. */
  emitted = 0;
  /** Records per planned call before the actor has a history (Start + Success pairs write two). */
  readonly recordsPerAction: number = 1;
  /** Planned calls made so far. */
  actions = 0;
  private planned: number[] = [];
  private nextPlanned = 0;
  private scheduled: Scheduled[] = [];
  private nextScheduled = 0;
  private sink: RecordSink | null = null;

  protected constructor(
    protected readonly world: World,
    spec: ActorSpec,
  ) {
    this.key = spec.key;
    this.provider = spec.provider;
    this.weight = spec.weight;
    this.profile = spec.profile;
    this.recordsPerAction = spec.recordsPerAction ?? 1;
    this.rng = Rng.for(world.seed, `actor:${spec.key}`);
  }

  /** Plan `count` calls inside the hour starting at `hourStart`. */
  planHour(hourStart: number, count: number): void {
    this.planned = count > 0 ? this.planTimes(hourStart, count) : [];
    this.nextPlanned = 0;
  }

  /** Make every planned or scheduled call before `end`, in time order. */
  runUntil(end: number, sink: RecordSink): void {
    this.sink = sink;
    for (;;) {
      const p = this.nextPlanned < this.planned.length ? this.planned[this.nextPlanned] : Infinity;
      const s = this.nextScheduled < this.scheduled.length ? this.scheduled[this.nextScheduled].time : Infinity;
      const t = Math.min(p, s);
      if (t >= end) break;
      if (s <= p) {
        this.scheduled[this.nextScheduled++].run();
      } else {
        this.nextPlanned++;
        this.actions++;
        this.act(t);
      }
    }
  }

  /** One planned call at `time`; may write more than one record (a credential minted first, a completion...). */
  protected abstract act(time: number): void;

  protected out(route: string, time: number, record: JsonObject): void {
    if (!this.sink) throw new Error('actor used outside runUntil');
    this.emitted++;
    this.sink.emit(route, time, record);
  }

  /** Events that happen at fixed times whatever the volume (credential rotation); call from the constructor. */
  protected schedule(time: number, run: () => void): void {
    this.scheduled.push({ time, run });
    this.scheduled.sort((a, b) => a.time - b.time);
  }

  /** Default plan: calls spread uniformly over the hour. */
  protected planTimes(hourStart: number, count: number): number[] {
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) out[i] = hourStart + Math.floor(this.rng.next() * HOUR);
    return out.sort((a, b) => a - b);
  }

  /**
   * Pipeline runs: a number of runs per hour set by the time of day (not by volume, so that more volume means bigger
   * runs, not more credentials), the hour's calls shared between them, `gapMs` apart at most.
   */
  protected planRuns(hourStart: number, count: number, peakRunsPerHour: number, gapMs: number): number[] {
    const hour = Math.floor((hourStart - this.world.dayStart) / HOUR);
    const peak = Math.max(...this.profile);
    const runs = Math.max(1, Math.min(count, this.rng.round((peakRunsPerHour * this.profile[hour]) / peak)));
    const out: number[] = [];
    let left = count;
    for (let r = 0; r < runs; r++) {
      const size = Math.ceil(left / (runs - r));
      left -= size;
      const gap = Math.min(gapMs, Math.floor((4 * MINUTE) / size));
      let t = hourStart + Math.floor(this.rng.next() * (HOUR - 10 * MINUTE));
      for (let i = 0; i < size; i++) {
        out.push(Math.min(t, hourStart + HOUR - 1));
        t += 100 + Math.floor(this.rng.next() * 2 * gap);
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** Calls grouped in bursts (a person working, a pipeline run): `bursts` starts, calls `gapMs` apart on average. */
  protected planBursts(hourStart: number, count: number, meanBurst: number, gapMs: number): number[] {
    const out: number[] = [];
    let left = count;
    while (left > 0) {
      const size = Math.min(left, Math.max(1, Math.round(this.rng.exp(meanBurst))));
      let t = hourStart + Math.floor(this.rng.next() * (HOUR - 2 * MINUTE));
      for (let i = 0; i < size; i++) {
        out.push(Math.min(t, hourStart + HOUR - 1));
        t += 200 + Math.floor(this.rng.exp(gapMs));
      }
      left -= size;
    }
    return out.sort((a, b) => a - b);
  }
}
