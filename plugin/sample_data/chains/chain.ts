/** An injected attack chain: one story, one root identity, a few dozen records interleaved with the benign day. */
import type { CloudProvider } from '../../../common/audit_event';
import type { Actor } from '../actors/actor';
import type { World } from '../actors/world';
import type { Rng } from '../random';
import type { JsonObject } from '../records/json';
import type { Directory } from '../scenario/directory';

export interface ChainEvent {
  route: string;
  time: number;
  record: JsonObject;
  /** The provider's event id (CloudTrail eventID, GCP insertId, Azure eventDataId or sign-in id). */
  id: string;
}

export interface ChainContext {
  world: World;
  dir: Directory;
  rng: Rng;
  /** A benign actor by key, for chains that reuse its credentials (e.g. an instance's current session). */
  actor(key: string): Actor;
}

export interface ChainDefinition {
  id: string;
  title: string;
  provider: CloudProvider;
  techniques: string[];
  build(ctx: ChainContext): BuiltChain;
}

export interface BuiltChain {
  rootIdentity: string;
  events: ChainEvent[];
}
