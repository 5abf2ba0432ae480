/** What every API handler works with: the cluster state, points in time, faults and the clock. */
import type { FaultPlan } from './faults';
import type { JsonValue } from './json';
import type { PitRegistry } from './pit';
import type { Shard } from './search';
import type { ClusterState, IndexState } from './store';

export interface Engine {
  readonly state: ClusterState;
  readonly pits: PitRegistry;
  readonly faults: FaultPlan;
  now(): number;
  readonly version: string;
  readonly maxResultWindow: number;
}

export interface ApiRequest {
  method: string;
  /** Decoded path segments: `/logs-*%2Cfindings/_search` is `['logs-*,findings', '_search']`. */
  segments: string[];
  querystring: Record<string, string>;
  body: JsonValue | null;
}

export interface ApiResponse {
  status: number;
  /** null for HEAD responses. */
  body: JsonValue | null;
}

export function ok(body: JsonValue | null, status = 200): ApiResponse {
  return { status, body };
}

/** A live view of an index for a search: its documents in docId order. */
export function liveShard(index: IndexState): Shard {
  return { index: index.name, mappings: index.mappings, docs: [...index.docs.values()] };
}

export function flag(qs: Record<string, string>, name: string): boolean | undefined {
  const v = qs[name];
  if (v === undefined) return undefined;
  return v === '' || v === 'true';
}
