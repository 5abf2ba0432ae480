/**
 * Where the facts the source queries on live in documents as Elastic's AWS, GCP and Azure integrations index them
 * (detection-landscape.md §3). Each log's principal and credential fields; the `_source` the normalizers read.
 */

/**
 * Fields naming who acted, per log (the data stream's dataset). A principal is aggregated and fetched by the values of
 * these fields within its dataset; `root` says when the value is itself the analytic's root identity id.
 */
export const PRINCIPAL_FIELDS = [
  { field: 'aws.cloudtrail.user_identity.arn', dataset: 'aws.cloudtrail', provider: 'aws', root: awsRoot },
  // Role sessions whose minting is not in the window: the role is their root (server/analytic/identity.ts).
  { field: 'aws.cloudtrail.user_identity.session_context.session_issuer.arn', dataset: 'aws.cloudtrail', provider: 'aws', root: (v: string) => (/:role\//.test(v) ? v : undefined) },
  { field: 'user.email', dataset: 'gcp.audit', provider: 'gcp', root: (v: string) => v },
  { field: 'client.user.email', dataset: 'gcp.audit', provider: 'gcp', root: (v: string) => v },
  // Elastic's Azure pipeline puts the UPN claim in user.email (user.name is its local part).
  { field: 'user.email', dataset: 'azure.activitylogs', provider: 'azure', root: (v: string) => v.toLowerCase() },
  { field: 'azure.signinlogs.properties.user_principal_name', dataset: 'azure.signinlogs', provider: 'azure', root: (v: string) => v.toLowerCase() },
] as const;
export type PrincipalField = (typeof PRINCIPAL_FIELDS)[number];

/**
 * The analytic's root id for an AWS caller ARN: the IAM user or root itself, the instance for an instance-profile
 * session (its region comes from where it acts); other role sessions root at their role (the issuer field).
 */
function awsRoot(arn: string, region?: string): string | undefined {
  if (/:(user\/|root$)/.test(arn)) return arn;
  const instance = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\/[^/]+\/(i-[0-9a-f]{8}(?:[0-9a-f]{9})?)$/.exec(arn);
  return instance && region ? `arn:aws:ec2:${region}:${instance[1]}:instance/${instance[2]}` : undefined;
}
export const DATASET_FIELD = 'data_stream.dataset';

/** Credential ids that later calls carry (AWS access keys, Entra token ids on Activity log entries). */
export const CREDENTIAL_FIELDS = ['aws.cloudtrail.user_identity.access_key_id', 'azure.activitylogs.identity.claims.uti'] as const;

export const TIME_FIELD = '@timestamp';
export const IP_FIELD = 'source.ip';
export const USER_AGENT_FIELD = 'user_agent.original';
export const COUNTRY_FIELD = 'source.geo.country_iso_code';
/** Entra sign-in pipelines put the sign-in's own location at the top level. */
export const SIGNIN_COUNTRY_FIELD = 'geo.country_iso_code';
export const REGION_FIELD = 'cloud.region';
export const ACTION_FIELD = 'event.action';

/** What the ECS normalizers read (server/store/normalize/*_ecs.ts); `event.original` and messages stay on the server. */
export const SOURCE_INCLUDES = [
  '@timestamp',
  'event.*',
  'source.*',
  'client.*',
  'cloud.*',
  'user.*',
  'user_agent.original',
  'service.name',
  'geo.*',
  'log.logger',
  'data_stream.*',
  'aws.cloudtrail.*',
  'gcp.audit.*',
  'azure.*',
];
export const SOURCE_EXCLUDES = ['event.original', 'message'];
