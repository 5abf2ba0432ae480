/**
 * What a route handler needs, resolved per request: the Kibana plugin binds the stores to the request's space and
 * user; the standalone host has its own embedded stores and local user. Handlers never build stores themselves.
 */
import type { KibanaRequestLike } from '../kibana/types';
import type { AutomationConfigStore, CoverageSource, DetectionControl, EvidenceStore, FindingsStore, IdentityProfileStore } from '../store/types';

export interface RouteServices {
  findings: FindingsStore;
  evidence: EvidenceStore;
  automation: AutomationConfigStore;
  control: DetectionControl;
  coverage: CoverageSource;
  identities: IdentityProfileStore;
  /** The authenticated user's name, recorded on writes; undefined when the request names nobody. */
  currentUser(): string | undefined;
}

export type ServicesFor<Ctx> = (context: Ctx, request: KibanaRequestLike) => Promise<RouteServices>;

/** Where handlers report failures they hide from the client (the plugin's logger; KbnLogger satisfies it). */
export interface RouteLogger {
  error(message: string | Error, meta?: object): void;
}
