/**
 * Receives records as the day is generated, 5-minute slot by 5-minute slot, and writes them as they are complete:
 * a CloudTrail file per slot, and each slot's part of the hourly files appended in order. Records are serialized when
 * they arrive and sorted by time within each slot, so files are in time order. Only the current slot is held in
 * memory; records that belong to a later slot (an operation's completion a few seconds later) wait for it.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import type { RecordSink, World } from '../actors/world';
import { HOUR, MINUTE } from '../clock';
import { Rng } from '../random';
import type { JsonObject } from '../records/json';
import { cloudTrailPath, hourlyPath, routeKind } from './paths';

const gzip = promisify(gzipCb);

export const SLOT = 5 * MINUTE;
export const SLOTS_PER_DAY = 288;
const MAX_PENDING_WRITES = 8;

interface Bucket {
  times: number[];
  lines: string[];
}

function sortedLines(b: Bucket): string[] {
  const idx = b.times.map((_, i) => i);
  idx.sort((x, y) => b.times[x] - b.times[y] || x - y);
  return idx.map((i) => b.lines[i]);
}

export class DayWriter implements RecordSink {
  /** Records written per route kind. */
  readonly counts = { aws: 0, gcp: 0, 'azure-activity': 0, 'azure-signin': 0 };
  private slot = 0;
  private buckets = new Map<string, Bucket>();
  private readonly deferred = new Map<number, Map<string, Bucket>>();
  private readonly files = new Set<string>();
  /** Appends to one file run one after the other. */
  private readonly lastAppend = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private readonly dirs = new Map<string, Promise<unknown>>();
  private readonly deliveryRng: Rng;
  private failure: unknown = null;

  constructor(
    private readonly outDir: string,
    private readonly world: World,
  ) {
    this.deliveryRng = Rng.for(world.seed, 'cloudtrail-delivery');
  }

  get recordCount(): number {
    return this.counts.aws + this.counts.gcp + this.counts['azure-activity'] + this.counts['azure-signin'];
  }

  emit(route: string, time: number, record: JsonObject): void {
    const line = JSON.stringify(record);
    const slot = Math.min(SLOTS_PER_DAY - 1, Math.max(this.slot, Math.floor((time - this.world.dayStart) / SLOT)));
    let buckets = this.buckets;
    if (slot > this.slot) {
      buckets = this.deferred.get(slot) ?? new Map<string, Bucket>();
      this.deferred.set(slot, buckets);
    }
    let b = buckets.get(route);
    if (!b) {
      b = { times: [], lines: [] };
      buckets.set(route, b);
    }
    b.times.push(time);
    b.lines.push(line);
    this.counts[routeKind(route)]++;
  }

  /** Close the current slot: write its CloudTrail files, and the hourly files when the hour is complete. */
  async endSlot(): Promise<void> {
    const slotStart = this.world.dayStart + this.slot * SLOT;
    for (const route of [...this.buckets.keys()].sort()) {
      const b = this.buckets.get(route);
      if (!b) continue;
      const lines = sortedLines(b);
      if (routeKind(route) === 'aws') {
        const rel = cloudTrailPath(route, slotStart, this.deliveryRng.alnum(16));
        await this.write(rel, `{"Records":[${lines.join(',')}]}`, 'gzip');
      } else {
        const hourStart = slotStart - ((slotStart - this.world.dayStart) % HOUR);
        await this.write(hourlyPath(route, hourStart), lines.join('\n') + '\n', 'append');
      }
    }
    this.slot++;
    this.buckets = this.deferred.get(this.slot) ?? new Map<string, Bucket>();
    this.deferred.delete(this.slot);
  }

  /** Wait for every write; returns the absolute paths written, sorted. */
  async close(): Promise<string[]> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
    return [...this.files].sort();
  }

  private async write(rel: string, content: string, mode: 'gzip' | 'append'): Promise<void> {
    if (this.failure) throw this.failure;
    const abs = path.join(this.outDir, rel);
    this.files.add(abs);
    const dir = path.dirname(abs);
    let made = this.dirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.dirs.set(dir, made);
    }
    const ready = made;
    const job =
      mode === 'gzip'
        ? (async () => {
            await ready;
            await writeFile(abs, await gzip(Buffer.from(content), { level: 6 }));
          })()
        : (this.lastAppend.get(abs) ?? ready).then(() => appendFile(abs, content));
    if (mode === 'append') this.lastAppend.set(abs, job.then(() => undefined));
    const tracked = job.catch((err: unknown) => {
      this.failure = this.failure ?? err;
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    if (this.pending.size >= MAX_PENDING_WRITES) await Promise.race(this.pending);
  }
}
