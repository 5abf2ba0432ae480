/**
 * Names of the findings index of a Kibana space, its template and pattern. The prefix sits under `.alerts-`
 * because the Kibana system user has `all` there and nowhere else it could write (kibana-contracts.md §0).
 */
export const DEFAULT_FINDINGS_INDEX_PREFIX = '.alerts-cloud_api_abuse.findings';

/** Kibana's rule for space ids; they become part of an index name, which must be lower case. */
const SPACE_ID = /^[a-z0-9_-]{1,100}$/;
const PREFIX = /^\.alerts-[a-z0-9_.-]+$/;

export interface FindingsIndex {
  prefix: string;
  spaceId: string;
  /** `<prefix>-<spaceId>`: where this space's findings live. */
  name: string;
  /** `<prefix>-*`: every space's findings index. */
  pattern: string;
  /** `<prefix>-template`. */
  template: string;
}

export function findingsIndex(spaceId: string, prefix: string = DEFAULT_FINDINGS_INDEX_PREFIX): FindingsIndex {
  if (!SPACE_ID.test(spaceId)) throw new Error(`invalid Kibana space id [${spaceId}]`);
  if (!PREFIX.test(prefix)) throw new Error(`invalid findings index prefix [${prefix}]`);
  return { prefix, spaceId, name: `${prefix}-${spaceId}`, pattern: `${prefix}-*`, template: `${prefix}-template` };
}
