/**
 * What a chain keeps of each event: the evidence record of the detection document and, for privileged writes, the
 * rendered rollback step. Compact on purpose: chains hold up to maxEvidence of these, and the original record (with
 * its request and response) can be freed as soon as the event has been taken in.
 */
import type { ChainStage, EvidenceEvent, RollbackStep } from '../../common/finding';
import type { Classification, InterfaceKind } from './catalog/types';
import type { CatalogApi } from './catalog_api';
import type { ChainEvent } from './chain';
import type { CredentialNode } from './lineage';

export interface KeptEvent {
  time: number;
  stage: ChainStage;
  node: CredentialNode;
  cls?: Classification;
  itfKind: InterfaceKind;
  itfTool: string;
  evidence: EvidenceEvent;
  rollback?: RollbackStep;
}

export type KeepEvent = (ce: ChainEvent) => KeptEvent;

export function keeper(catalog: Pick<CatalogApi, 'renderRollback'>): KeepEvent {
  return (ce) => {
    const kept: KeptEvent = {
      time: ce.time,
      stage: ce.stage,
      node: ce.node,
      cls: ce.cls,
      itfKind: ce.itf.kind,
      itfTool: ce.itf.tool,
      evidence: evidenceOf(ce),
    };
    const template = ce.cls?.rollback;
    if (template && ce.event.outcome !== 'failure') {
      const step = catalog.renderRollback(template, ce.event);
      kept.rollback = { event_id: ce.event.id, action: ce.event.action, text: step.text, ...(step.command ? { command: step.command } : {}) };
    }
    return kept;
  };
}

function evidenceOf(c: ChainEvent): EvidenceEvent {
  const e = c.event;
  const origin = e.origin
    ? {
        ...(e.origin.file ? { file: e.origin.file } : {}),
        ...(e.origin.line !== undefined ? { line: e.origin.line } : {}),
        ...(e.origin.index ? { index: e.origin.index } : {}),
        ...(e.origin.docId ? { id: e.origin.docId } : {}),
      }
    : undefined;
  return {
    event_id: e.id,
    '@timestamp': new Date(c.time).toISOString(),
    stage: c.stage,
    provider: e.provider,
    ...(e.account ? { account: e.account } : {}),
    ...(e.region ? { region: e.region } : {}),
    service: e.service,
    action: e.action,
    outcome: e.outcome,
    ...(e.errorCode ? { error_code: e.errorCode } : {}),
    ...(c.cls ? { kind: c.cls.kind, summary: c.cls.summary } : {}),
    principal: c.node.principal,
    ...(e.credential ? { credential_id: e.credential.id, credential_kind: e.credential.kind } : {}),
    ...(e.source.ip ? { source_ip: e.source.ip } : {}),
    ...(e.source.address ? { source_address: e.source.address } : {}),
    ...(e.source.userAgent ? { user_agent: e.source.userAgent } : {}),
    interface: c.itf.kind,
    tool: c.itf.tool,
    ...(e.resources.length ? { resources: e.resources.slice(0, 10) } : {}),
    ...(origin ? { origin } : {}),
  };
}

/** The same evidence restaged (an absorbed chain's anchor is one more step of the absorbing chain). */
export function restaged(k: KeptEvent, stage: ChainStage): KeptEvent {
  return k.stage === stage ? k : { ...k, stage, evidence: { ...k.evidence, stage } };
}
