/**
 * Injected failures, consumed in the order they were planned: whole-request errors (429, 500, 503, ...),
 * delayed responses (so the client's requestTimeout or an abort fires), and item-level bulk failures.
 */
import { defaultFaultCause, errorBody, type Cause } from './errors';
import type { JsonObject } from './json';

export interface RequestMatch {
  /** Case-insensitive HTTP method; any when omitted. */
  method?: string;
  /** Matched against the decoded path without the query string, e.g. `/logs-*,findings/_search`. */
  path?: RegExp | string;
}

export interface StatusFault extends RequestMatch {
  status: number;
  /** How many matching requests fail; default 1, `Infinity` for all. */
  times?: number;
  /** Error type and reason in the body; defaults follow the status (429: es_rejected_execution_exception ...). */
  type?: string;
  reason?: string;
  /** A whole body to send instead of an error object. */
  body?: JsonObject;
}

export interface DelayFault extends RequestMatch {
  /** The request is executed at once; its response is held back this long. */
  ms: number;
  times?: number;
}

export type BulkOp = 'index' | 'create' | 'update' | 'delete';

export interface BulkItemAction {
  op: BulkOp;
  /** The target as written in the action line or the request path (a data stream name, not its backing index). */
  index: string;
  id: string | undefined;
}

export interface BulkItemFault {
  match: (action: BulkItemAction, doc: JsonObject | undefined) => boolean;
  status: number;
  times?: number;
  type?: string;
  reason?: string;
}

interface Planned<T> {
  fault: T;
  left: number;
}

export class FaultPlan {
  private readonly statuses: Planned<StatusFault>[] = [];
  private readonly delays: Planned<DelayFault>[] = [];
  private readonly items: Planned<BulkItemFault>[] = [];

  next(fault: StatusFault): this {
    this.statuses.push({ fault, left: fault.times ?? 1 });
    return this;
  }

  delay(fault: DelayFault): this {
    this.delays.push({ fault, left: fault.times ?? 1 });
    return this;
  }

  bulkItem(fault: BulkItemFault): this {
    this.items.push({ fault, left: fault.times ?? 1 });
    return this;
  }

  clear(): void {
    this.statuses.length = 0;
    this.delays.length = 0;
    this.items.length = 0;
  }

  /** Planned faults not yet used up, so a test can check that every fault it planned was hit. */
  pending(): number {
    return [...this.statuses, ...this.delays, ...this.items].filter((p) => p.left > 0).length;
  }

  /** The error response for this request, if a status fault matches. */
  takeStatus(method: string, path: string): { status: number; body: JsonObject } | undefined {
    const planned = take(this.statuses, (f) => matches(f, method, path));
    if (planned === undefined) return undefined;
    const { fault } = planned;
    if (fault.body !== undefined) return { status: fault.status, body: fault.body };
    const base = defaultFaultCause(fault.status);
    const cause: Cause = { type: fault.type ?? base.type, reason: fault.reason ?? base.reason };
    return { status: fault.status, body: errorBody(fault.status, cause) };
  }

  takeDelay(method: string, path: string): number {
    return take(this.delays, (f) => matches(f, method, path))?.fault.ms ?? 0;
  }

  takeBulkItem(action: BulkItemAction, doc: JsonObject | undefined): { status: number; cause: Cause } | undefined {
    const planned = take(this.items, (f) => f.match(action, doc));
    if (planned === undefined) return undefined;
    const { fault } = planned;
    const base = bulkItemCause(fault.status, action);
    return { status: fault.status, cause: { type: fault.type ?? base.type, reason: fault.reason ?? base.reason } };
  }
}

function take<T>(plans: Planned<T>[], test: (fault: T) => boolean): Planned<T> | undefined {
  for (const p of plans) {
    if (p.left > 0 && test(p.fault)) {
      p.left--;
      return p;
    }
  }
  return undefined;
}

function matches(fault: RequestMatch, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
}

/** Item errors as a real cluster reports them: rejected writes (429) and unparseable documents (400). */
function bulkItemCause(status: number, action: BulkItemAction): Cause {
  if (status === 429) {
    return {
      type: 'es_rejected_execution_exception',
      reason: 'rejected execution of primary operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, primary_operation_bytes=512, max_coordinating_and_primary_bytes=107374182]',
    };
  }
  if (status === 400) {
    return {
      type: 'document_parsing_exception',
      reason: `[1:1] failed to parse: fault injected by FakeElasticsearch for document with id '${action.id ?? ''}'`,
    };
  }
  return defaultFaultCause(status);
}
