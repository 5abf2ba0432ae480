/**
 * Points in time: a frozen copy of each index's document list taken at open (stored documents are immutable,
 * so later writes cannot reach it), kept alive by `keep_alive` and closed explicitly. Tests read `openIds()`
 * to assert that every point in time a store opened was closed.
 */
import { parseDuration } from './dates';
import { esError, searchPhaseError, validationFailed } from './errors';
import type { Shard } from './search';

interface PointInTime {
  readonly id: string;
  readonly shards: readonly Shard[];
  expiresAt: number;
}

const PREFIX = 'fake_es.pit:';

export class PitRegistry {
  private readonly open = new Map<string, PointInTime>();
  private counter = 0;
  opened = 0;
  closed = 0;

  create(shards: readonly Shard[], keepAlive: string | undefined, now: number): string {
    const ms = parseKeepAlive(keepAlive);
    if (ms === undefined) throw validationFailed('[keep_alive] is not specified');
    const id = Buffer.from(`${PREFIX}${++this.counter}:${shards.map((s) => s.index).join(',')}`).toString('base64');
    this.open.set(id, { id, shards, expiresAt: now + ms });
    this.opened++;
    return id;
  }

  /** The frozen shards of a live point in time, extending its life when the search passes `keep_alive`. */
  shards(id: unknown, keepAlive: unknown, now: number): readonly Shard[] {
    if (typeof id !== 'string' || id === '') throw validationFailed('[pit] id is not specified');
    const pit = this.live(id, now);
    if (pit === undefined) {
      if (!decodable(id)) throw esError(400, 'illegal_argument_exception', 'invalid id');
      throw searchPhaseError(404, { type: 'search_context_missing_exception', reason: `No search context found for id [${contextNumber(id)}]` });
    }
    if (keepAlive !== undefined) {
      const ms = parseKeepAlive(typeof keepAlive === 'string' ? keepAlive : undefined);
      if (ms === undefined) throw esError(400, 'illegal_argument_exception', `failed to parse setting [keep_alive] with value [${String(keepAlive)}] as a time value`);
      pit.expiresAt = now + ms;
    }
    return pit.shards;
  }

  /** Number of search contexts freed: one per shard of the point in time, 0 when it was already gone. */
  close(id: unknown, now: number): number {
    if (typeof id !== 'string' || id === '') throw validationFailed('[id] is not specified');
    if (!decodable(id)) throw esError(400, 'illegal_argument_exception', 'invalid id');
    const pit = this.live(id, now);
    if (pit === undefined) return 0;
    this.open.delete(id);
    this.closed++;
    return pit.shards.length;
  }

  openIds(now: number): string[] {
    this.expire(now);
    return [...this.open.keys()];
  }

  private live(id: string, now: number): PointInTime | undefined {
    this.expire(now);
    return this.open.get(id);
  }

  private expire(now: number): void {
    for (const [id, pit] of this.open) if (pit.expiresAt <= now) this.open.delete(id);
  }
}

function parseKeepAlive(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) throw esError(400, 'illegal_argument_exception', `failed to parse setting [keep_alive] with value [${value}] as a time value: unit is missing or unrecognized`);
  return ms;
}

function decodable(id: string): boolean {
  return Buffer.from(id, 'base64').toString('utf8').startsWith(PREFIX);
}

function contextNumber(id: string): string {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  return decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length).split(':')[0] : '0';
}
