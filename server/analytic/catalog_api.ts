/** What the analytic needs from the catalog; injected so scenario tests can substitute tables. */
import type { AuditEvent } from '../../common/audit_event';
import type { ContainmentStep } from '../../common/finding';
import type { RootIdentity } from '../../common/finding';
import type { CredentialKind } from '../../common/audit_event';
import type { Classification, InterfaceInfo, RollbackTemplate } from './catalog/types';

export interface ContainmentSubject {
  root: RootIdentity;
  /** Credentials the chain acted through, with their kinds. */
  credentials: { id: string; kind: CredentialKind; principal: string }[];
}

export interface CatalogApi {
  classify(e: AuditEvent): Classification | undefined;
  detectInterface(e: AuditEvent): InterfaceInfo;
  technique(id: string): { name: string; tactics: string[] } | undefined;
  renderRollback(template: RollbackTemplate, e: AuditEvent): { text: string; command?: string };
  /** `revokeBefore`: ISO time; sessions issued before it are to be denied. */
  containment(subject: ContainmentSubject, revokeBefore?: string): ContainmentStep[];
}
