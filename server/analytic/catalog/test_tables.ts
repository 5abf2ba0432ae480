import type { AuditEvent } from '../../../common/audit_event';
import { classify } from './classify';
import { technique } from './techniques';
import { auditEvent } from './test_events';
import type { ActionKind, CatalogEntry } from './types';

/**
 * Test helper shared by the per-cloud table tests: structural checks, a true case and a look-alike read for every
 * unconditional entry, and coverage of the conditional entries by hand-written cases.
 */

/** A hand-written case: this event must be classified with this kind (or not at all: `undefined`). */
export interface TableCase {
  name: string;
  event: AuditEvent;
  kind: ActionKind | undefined;
}

const KINDS_BY_CATEGORY: Record<string, string[]> = {
  auth_shift: ['credential_minted', 'console_login', 'cloudshell', 'impersonation', 'key_created', 'sign_in'],
  privileged: ['iam', 'compute_execution', 'code_change', 'secrets', 'data_exposure', 'data_access', 'network_exposure', 'destruction', 'org_account'],
  recon: ['enumeration', 'identity_check', 'secrets_listing'],
  tamper: ['logging_disabled', 'logging_deleted', 'logging_modified', 'detection_disabled'],
};

export function checkEntryShape(entry: CatalogEntry): string[] {
  const problems: string[] = [];
  const name = `${entry.service ?? '*'} ${entry.action}`;
  if (!KINDS_BY_CATEGORY[entry.category]?.includes(entry.kind)) problems.push(`${name}: kind ${entry.kind} is not a ${entry.category} kind`);
  if (entry.techniques.length === 0) problems.push(`${name}: no ATT&CK technique`);
  for (const id of entry.techniques) if (!technique(id)) problems.push(`${name}: unknown technique ${id}`);
  if (!/^[a-z]/.test(entry.summary) || entry.summary.endsWith('.')) problems.push(`${name}: summary should be a lower-case phrase`);
  if ((entry.category === 'privileged' || entry.category === 'tamper') && !entry.rollback) problems.push(`${name}: privileged write without rollback`);
  if (entry.shift && entry.category === 'auth_shift') problems.push(`${name}: shift is for privileged actions`);
  return problems;
}

/** The event an entry is about, in a spelling that exercises the matching (version prefix, other casing). */
export function eventFor(entry: CatalogEntry, request: Record<string, unknown> = {}): AuditEvent {
  switch (entry.provider) {
    case 'aws':
      return auditEvent({ provider: 'aws', service: entry.service ?? 'example.amazonaws.com', action: entry.action, request });
    case 'gcp':
      return auditEvent({ provider: 'gcp', service: entry.service ?? 'example.googleapis.com',
        action: entry.match === 'suffix' ? `google.example.v1.${entry.action}` : entry.action, request });
    case 'azure':
      return auditEvent({ provider: 'azure', service: entry.service ?? '', action: entry.action.toLowerCase(), request });
  }
}

const AWS_VERBS = /^(Stop|Start|Delete|Update|Put|Disable|Create|Attach|Detach|Add|Remove|Modify|Set|Send|Enable|Schedule|Upload|Change|Associate|Replace|Authorize|Terminate|Leave|Move|Accept|Close|Get|Batch|Register|Execute|Open|Assume|Switch|Federate|Authenticate|Deactivate|Restore|Simulate|Describe|List|Decrypt|Export)/;

/** A read of the same thing (DeleteTrail -> GetTrail, .../DELETE -> .../READ, compute.instances.setMetadata -> .get). */
export function lookalikeRead(entry: CatalogEntry): AuditEvent | undefined {
  switch (entry.provider) {
    case 'aws': {
      const noun = entry.action.replace(AWS_VERBS, '');
      if (noun === entry.action || !/^[A-Z]/.test(noun)) return undefined;
      return auditEvent({ provider: 'aws', service: entry.service ?? 'example.amazonaws.com', action: `Get${noun}` });
    }
    case 'gcp': {
      const dot = entry.action.lastIndexOf('.');
      const last = entry.action.slice(dot + 1);
      const read = /^[a-z]/.test(last) ? 'get' : `Get${last.replace(/^[A-Z][a-z]+/, '')}`;
      return auditEvent({ provider: 'gcp', service: entry.service ?? 'example.googleapis.com', action: `v1.${entry.action.slice(0, dot + 1)}${read}` });
    }
    case 'azure': {
      if (!entry.action.includes('/')) return undefined;
      const read = entry.action.replace(/\/[^/]+\/ACTION$|\/(WRITE|DELETE)$/, '/READ');
      return read === entry.action ? undefined : auditEvent({ provider: 'azure', service: entry.service ?? '', action: read });
    }
  }
}

/** Conditional entries with no positive or no negative hand-written case. */
export function uncoveredConditions(entries: CatalogEntry[], cases: TableCase[]): string[] {
  const missing: string[] = [];
  for (const entry of entries.filter((candidate) => candidate.when)) {
    const sameAction = cases.filter((testCase) => testCase.event.action.toUpperCase().endsWith(entry.action.toUpperCase()));
    if (!sameAction.some((testCase) => testCase.kind === entry.kind && classify(testCase.event)?.summary === entry.summary)) {
      missing.push(`${entry.action} (${entry.kind}): no positive case`);
    }
    if (!sameAction.some((testCase) => testCase.kind !== entry.kind)) missing.push(`${entry.action} (${entry.kind}): no negative case`);
  }
  return missing;
}
