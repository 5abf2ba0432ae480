/**
 * Runtime schema of a usable AuditEvent: what the analytic may rely on (ids and names non-empty, bounded sizes).
 * Used by tests and by readers that want to assert what they hand to the analytic.
 */
import { z } from 'zod';
import { MAX_IDENTIFIER, MAX_RESOURCES, MAX_USER_AGENT } from './clip';

const identifier = z.string().min(1).max(MAX_IDENTIFIER);
const optionalIdentifier = identifier.optional();
const epochMs = z.number().int().positive();
const credentialKind = z.enum(['long_term', 'temporary', 'console', 'instance', 'token', 'unknown']);

export const auditEventSchema = z.object({
  id: identifier,
  time: epochMs.nullable(),
  provider: z.enum(['aws', 'gcp', 'azure']),
  log: z.enum(['aws.cloudtrail', 'gcp.audit', 'azure.activitylogs', 'azure.signinlogs', 'azure.auditlogs']),
  encoding: z.enum(['raw', 'ecs']),
  account: optionalIdentifier,
  region: optionalIdentifier,
  service: identifier,
  action: identifier,
  outcome: z.enum(['success', 'failure', 'unknown']),
  errorCode: optionalIdentifier,
  readOnly: z.boolean().optional(),
  actor: z.object({
    type: z.enum(['user', 'role', 'root', 'federated', 'service', 'service_account', 'managed_identity', 'unknown']),
    id: optionalIdentifier,
    name: optionalIdentifier,
    arn: optionalIdentifier,
    account: optionalIdentifier,
    sessionName: optionalIdentifier,
    issuer: optionalIdentifier,
    human: optionalIdentifier,
    invokedBy: optionalIdentifier,
    delegationChain: z.array(identifier).optional(),
    mfa: z.boolean().optional(),
    appId: optionalIdentifier,
  }),
  credential: z
    .object({ id: identifier, kind: credentialKind, issuedAt: epochMs.optional(), fromConsole: z.boolean().optional() })
    .optional(),
  source: z.object({
    ip: optionalIdentifier,
    address: optionalIdentifier,
    userAgent: z.string().min(1).max(MAX_USER_AGENT).optional(),
    geo: z.object({ country: z.string().optional(), city: z.string().optional() }).optional(),
    asn: z.number().optional(),
    asOrg: optionalIdentifier,
  }),
  resources: z.array(identifier).max(MAX_RESOURCES),
  minted: z
    .object({
      id: optionalIdentifier,
      kind: credentialKind,
      target: optionalIdentifier,
      sessionName: optionalIdentifier,
      expiresAt: epochMs.optional(),
      sourceIdentity: optionalIdentifier,
    })
    .optional(),
  request: z.record(z.string(), z.unknown()).optional(),
  raw: z.unknown(),
  origin: z
    .object({ file: z.string().optional(), line: z.number().optional(), index: z.string().optional(), docId: z.string().optional() })
    .optional(),
});

export type ValidAuditEvent = z.infer<typeof auditEventSchema>;
