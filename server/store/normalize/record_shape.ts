/** The shapes of audit record the normalizers recognize: `<log>.<encoding>`. */
export const RECORD_SHAPES = [
  'aws.cloudtrail.raw',
  'aws.cloudtrail.ecs',
  'gcp.audit.raw',
  'gcp.audit.ecs',
  'azure.activitylogs.raw',
  'azure.activitylogs.ecs',
  'azure.kubeaudit.raw',
  'azure.signinlogs.raw',
  'azure.signinlogs.ecs',
  'azure.auditlogs.raw',
  'azure.auditlogs.ecs',
] as const;

export type RecordShape = (typeof RECORD_SHAPES)[number];
