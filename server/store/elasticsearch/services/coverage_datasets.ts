/**
 * What the coverage report reads from each log, as Elastic's integrations index it (detection-landscape.md §3), kept
 * to what the ECS normalizers (server/store/normalize/*_ecs.ts) make of the same documents: where the account and
 * region are (in the order the normalizer tries them), what makes a read, a write, a failure, a person, and where
 * the request is that catalog conditions test.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { CloudProvider, LogSource } from '../../../../common/audit_event';
import { providerOfOperation, subscriptionOfResourceId, tenantOfResourceId } from '../../normalize/azure_common';
import { inferGcpService, scopeOfLogName } from '../../normalize/gcp_common';
import { ACTION_FIELD, DATASET_FIELD } from '../fields';
import type { KeyField } from './first_present';

type Query = estypes.QueryDslQueryContainer;

/** Where a log keeps what the catalog's conditions test (catalog/conditions.ts). */
export interface ConditionFields {
  /** Object fields holding the request parameters. */
  request: string[];
  /** `in: 'details'`: what the provider attached beyond the request, then the request. */
  details: string[];
  /**
   * A keyword copy of the whole request as text, where `mentions` looks for a substring of keys and values (for logs
   * that attach nothing beyond the request).
   */
  requestText?: string;
  /** No provider service made the call on the principal's behalf (`caller: 'direct'`). */
  direct: Query;
}

/** How the catalog's (service, action) of a document is read, for classifying it. */
export interface ActionFields {
  service?: string;
  actions: KeyField[];
  /** The service the normalizer gives a document: the field's value, or what it infers from the action. */
  serviceOf(value: string | undefined, action: string): string;
  /** The action as the normalizer writes it (Azure upper-cases operation names). */
  actionOf(value: string): string;
  conditions: ConditionFields;
}

/**
 * How credentials are minted and used in a log, for tracing a credential back to the person whose credential minted
 * it (the analytic's lineage, hop by hop, through aggregations).
 */
export interface CredentialLineage {
  /** The credential a call was made with. */
  credential: string;
  /** Successful calls that minted a credential, not by a provider service (whose credentials keep their own root). */
  mints: Query;
  /** Where a mint call names the credential it minted. */
  minted: string[];
  /** How long a minted credential lives at most: mints this long before the range still count. */
  lifetimeMs: number;
}

export interface CoverageDataset {
  dataset: LogSource;
  provider: CloudProvider;
  /** Documents the normalizer accepts (the others are no events to the analytic either). */
  usable: Query;
  account: KeyField[];
  region: KeyField[];
  reads?: Query;
  writes?: Query;
  /** The call failed (privileged actions count only when they did not). */
  failure: Query;
  /** The document alone says a person acted: no lineage needed (see `traceability` in the report's notes). */
  person: Query;
  /** Absent: the log holds no action the catalog calls privileged or tamper (Entra sign-ins). */
  actions?: ActionFields;
  lineage?: CredentialLineage;
}

const exists = (field: string): Query => ({ exists: { field } });
const term = (field: string, value: string | boolean): Query => ({ term: { [field]: value } });
const anyOf = (...should: Query[]): Query => ({ bool: { should, minimum_should_match: 1 } });
const wildcard = (field: string, value: string): Query => ({ wildcard: { [field]: { value, case_insensitive: true } } });
const lower = (v: string): string => v.toLowerCase();

const CT = 'aws.cloudtrail';
const AWS_IDENTITY_TYPE = `${CT}.user_identity.type`;
const AWS_FAILURE = anyOf(
  term('event.outcome', 'failure'),
  exists(`${CT}.error_code`),
  exists(`${CT}.error_message`),
  term(`${CT}.flattened.response_elements.ConsoleLogin`, 'Failure'),
);
/** Calls that mint a credential with an id (aws_common.ts `canMint`; console sessions have none). */
const AWS_MINTS = ['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken', 'AssumeRoot', 'CreateAccessKey'];

export const AWS_CLOUDTRAIL: CoverageDataset = {
  dataset: 'aws.cloudtrail',
  provider: 'aws',
  usable: { bool: { filter: [exists(ACTION_FIELD), exists('event.provider')] } },
  // recipientAccountId, else the caller's account
  account: [{ field: `${CT}.recipient_account_id` }, { field: 'cloud.account.id' }],
  region: [{ field: 'cloud.region' }],
  reads: term(`${CT}.read_only`, true),
  writes: term(`${CT}.read_only`, false),
  failure: AWS_FAILURE,
  // IAM users and root are people; SAML and Identity Center users name one; Identity Center permission-set role
  // sessions are named after the person. sourceIdentity would name one too, but the pipeline does not map it.
  person: anyOf(
    { terms: { [AWS_IDENTITY_TYPE]: ['IAMUser', 'Root', 'SAMLUser', 'IdentityCenterUser'] } },
    { bool: { filter: [term(AWS_IDENTITY_TYPE, 'AssumedRole'), { wildcard: { [`${CT}.user_identity.session_context.session_issuer.arn`]: { value: '*/aws-reserved/sso.amazonaws.com/*' } } }] } },
  ),
  actions: {
    service: 'event.provider',
    actions: [{ field: ACTION_FIELD }],
    serviceOf: (value) => value ?? '',
    actionOf: (value) => value,
    conditions: {
      request: [`${CT}.flattened.request_parameters`],
      details: [`${CT}.flattened.request_parameters`],
      requestText: `${CT}.request_parameters`,
      direct: {
        bool: {
          must_not: [
            term(AWS_IDENTITY_TYPE, 'AWSService'),
            exists(`${CT}.user_identity.invoked_by`),
            { wildcard: { 'source.address': { value: '*.amazonaws.com' } } },
            term('source.address', 'AWS Internal'),
          ],
        },
      },
    },
  },
  lineage: {
    credential: `${CT}.user_identity.access_key_id`,
    mints: { bool: { filter: [{ terms: { [ACTION_FIELD]: AWS_MINTS } }], must_not: [AWS_FAILURE, term(AWS_IDENTITY_TYPE, 'AWSService')] } },
    minted: [`${CT}.flattened.response_elements.credentials.accessKeyId`, `${CT}.flattened.response_elements.accessKey.accessKeyId`],
    // GetSessionToken and GetFederationToken credentials live up to 36 hours
    lifetimeMs: 36 * 3_600_000,
  },
};

const AUDIT = 'gcp.audit';
const GCP_EMAILS = ['user.email', 'client.user.email'];
const DELEGATION_EMAILS = [
  `${AUDIT}.authentication_info.service_account_delegation_info.firstPartyPrincipal.principalEmail`,
  `${AUDIT}.authentication_info.service_account_delegation_info.first_party_principal.principal_email`,
];
const PERMISSION_TYPES = [`${AUDIT}.authorization_info.permissionType`, `${AUDIT}.authorization_info.permission_type`];
const anyPermission = (types: string[]): Query => anyOf(...PERMISSION_TYPES.map((field) => ({ terms: { [field]: types } })));
/** The log kind: the end of log.logger, or event.provider (the pipeline's copy of it) when the logger is missing. */
const gcpLogKind = (...kinds: string[]): Query =>
  anyOf(
    ...kinds.map((k) => wildcard('log.logger', `*${k}`)),
    { bool: { must_not: [exists('log.logger')], should: kinds.map((k) => wildcard('event.provider', `*${k}`)), minimum_should_match: 1 } },
  );
/** A Google account that is not a service account (the caller, or the first principal of an impersonation). */
const personEmail = (field: string): Query => ({ bool: { filter: [{ wildcard: { [field]: { value: '*@*' } } }], must_not: [wildcard(field, '*.gserviceaccount.com')] } });

export const GCP_AUDIT: CoverageDataset = {
  dataset: 'gcp.audit',
  provider: 'gcp',
  usable: exists(ACTION_FIELD),
  account: [{ field: 'cloud.project.id' }, { field: 'log.logger', key: scopeOfLogName }],
  // (an entry listing several current locations counts in each; the normalizer takes the first)
  region: [{ field: 'cloud.region' }, { field: 'cloud.availability_zone' }, { field: `${AUDIT}.resource_location.current_locations` }],
  // Data Access entries are reads when their permissions say so, unless one of them writes
  reads: {
    bool: { filter: [gcpLogKind('data_access'), anyPermission(['DATA_READ', 'ADMIN_READ'])], must_not: [anyPermission(['DATA_WRITE', 'ADMIN_WRITE'])] },
  },
  writes: anyOf(gcpLogKind('activity', 'system_event'), { bool: { filter: [gcpLogKind('data_access'), anyPermission(['DATA_WRITE', 'ADMIN_WRITE'])] } }),
  failure: anyOf(term('event.outcome', 'failure'), { bool: { filter: [exists(`${AUDIT}.status.code`)], must_not: [{ term: { [`${AUDIT}.status.code`]: 0 } }] } }),
  person: anyOf(
    personEmail('user.email'),
    { bool: { must_not: [exists('user.email')], filter: [personEmail('client.user.email')] } },
    ...DELEGATION_EMAILS.map(personEmail),
  ),
  actions: {
    service: 'service.name',
    actions: [{ field: ACTION_FIELD }],
    serviceOf: (value, action) => value ?? inferGcpService(action, undefined, undefined) ?? '',
    actionOf: (value) => value,
    conditions: {
      // the normalizer merges protoPayload.metadata into the request
      request: [`${AUDIT}.request`, `${AUDIT}.metadata`],
      details: [`${AUDIT}.metadata`, `${AUDIT}.service_data`, `${AUDIT}.request`],
      // Google's own service agents act for Google
      direct: {
        bool: {
          must_not: GCP_EMAILS.flatMap((field) => [
            { prefix: { [field]: 'system:' } },
            { wildcard: { [field]: { value: '*@cloudservices.gserviceaccount.com' } } },
            { wildcard: { [field]: { value: '*@gcp-sa-*.iam.gserviceaccount.com' } } },
            { wildcard: { [field]: { value: '*-system.iam.gserviceaccount.com' } } },
            { wildcard: { [field]: { value: 'service-*@*.iam.gserviceaccount.com' } } },
          ]),
        },
      },
    },
  },
};

const AL = 'azure.activitylogs';
const OPERATION = `${AL}.operation_name`;
const CATEGORY = `${AL}.category`;
const CLAIMS = `${AL}.identity.claims`;
const PRINCIPAL_TYPE = `${AL}.identity.authorization.evidence.principal_type`;
/** The operation the normalizer reads: operation_name, else event.action. */
const operationEndsWith = (suffix: string): Query =>
  anyOf(wildcard(OPERATION, `*${suffix}`), { bool: { must_not: [exists(OPERATION)], filter: [wildcard(ACTION_FIELD, `*${suffix}`)] } });
const AZURE_READ: Query = anyOf(
  term(CATEGORY, 'StorageRead'),
  { bool: { must_not: [{ terms: { [CATEGORY]: ['StorageWrite', 'StorageDelete'] } }], filter: [operationEndsWith('/READ')] } },
);

export const AZURE_ACTIVITY: CoverageDataset = {
  dataset: 'azure.activitylogs',
  provider: 'azure',
  usable: anyOf(exists(OPERATION), exists(ACTION_FIELD)),
  // subscription ids are logged in either case; the normalizer lower-cases them
  account: [
    { field: 'azure.subscription_id', key: lower },
    { field: 'azure.resource.id', key: subscriptionOfResourceId },
    { field: 'cloud.account.id', key: lower },
  ],
  region: [{ field: `${AL}.location` }, { field: 'geo.name' }, { field: 'cloud.region' }],
  reads: AZURE_READ,
  writes: { bool: { must_not: [AZURE_READ] } },
  failure: anyOf(
    wildcard(`${AL}.result_type`, 'failure'),
    wildcard(`${AL}.result_type`, 'failed'),
    { bool: { must_not: [exists(`${AL}.result_type`)], filter: [term('event.outcome', 'failure')] } },
  ),
  // RBAC evidence says User; without it, the token type; managed identities never are people
  person: {
    bool: {
      must_not: [exists(`${CLAIMS}.xms_mirid`)],
      should: [
        wildcard(PRINCIPAL_TYPE, 'user'),
        { bool: { must_not: [exists(PRINCIPAL_TYPE)], filter: [term(`${CLAIMS}.idtyp`, 'user')] } },
        { bool: { must_not: [exists(PRINCIPAL_TYPE), exists(`${CLAIMS}.idtyp`)], filter: [{ wildcard: { 'user.email': { value: '*@*' } } }] } },
      ],
      minimum_should_match: 1,
    },
  },
  actions: {
    actions: [{ field: OPERATION }, { field: ACTION_FIELD }],
    serviceOf: (_value, action) => providerOfOperation(action) ?? '',
    actionOf: (value) => value.toUpperCase(),
    conditions: { request: [`${AL}.properties`], details: [`${AL}.properties`], direct: { match_all: {} } },
  },
};

export const AZURE_SIGN_IN: CoverageDataset = {
  dataset: 'azure.signinlogs',
  provider: 'azure',
  usable: exists('azure.signinlogs.category'),
  account: [{ field: 'azure.tenant_id' }, { field: 'azure.resource.id', key: tenantOfResourceId }],
  region: [],
  failure: { match_none: {} },
  person: { match_none: {} },
};

export const COVERAGE_DATASETS: readonly CoverageDataset[] = [AWS_CLOUDTRAIL, GCP_AUDIT, AZURE_ACTIVITY, AZURE_SIGN_IN];

export const inDataset = (d: CoverageDataset): Query => ({ bool: { filter: [term(DATASET_FIELD, d.dataset), d.usable] } });
