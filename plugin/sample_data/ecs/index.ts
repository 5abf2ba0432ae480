/**
 * Raw provider audit records -> the documents Elastic's integrations index (ECS), so that the sample day or a real
 * export can be loaded into Elasticsearch (or a fake of it) exactly as a user's cluster holds them.
 */
import { detectRecordShape } from '../../../server/store/normalize';
import { cloudTrailToEcs } from './aws_cloudtrail';
import { activityLogToEcs } from './azure_activitylogs';
import { signInToEcs } from './azure_signinlogs';
import type { EcsDocument, EcsOptions, Json } from './ecs_document';
import { gcpAuditToEcs } from './gcp_audit';
import { forEachRecord } from './read_records';

export type { EcsDocument, EcsOptions } from './ecs_document';

/**
 * The document a raw CloudTrail record, GCP LogEntry, Azure Activity record or Entra ID sign-in record becomes,
 * and its data stream. Undefined for anything else, and for records the integration's pipeline drops (a LogEntry
 * that is not an AuditLog, a sign-in record of another category).
 */
export function toEcs(record: unknown, options?: EcsOptions): EcsDocument | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const r = record as Json;
  switch (detectRecordShape(r)) {
    case 'aws.cloudtrail.raw':
      return cloudTrailToEcs(r, options);
    case 'gcp.audit.raw':
      return gcpAuditToEcs(r, options);
    case 'azure.activitylogs.raw':
      return activityLogToEcs(r, options);
    case 'azure.signinlogs.raw':
      return signInToEcs(r, options);
    default:
      return undefined;
  }
}

export interface EcsConversionSummary {
  files: number;
  /** Records found in the files (envelopes such as `{"Records": [...]}` removed). */
  records: number;
  /** Documents handed to `onDoc`. */
  documents: number;
  /** Records with no document (unknown shapes, or dropped as the pipeline drops them). */
  skipped: number;
  /** Lines or records that could not be read as JSON. */
  problems: number;
}

/** Streams every record of the files (CloudTrail .json.gz, NDJSON, JSON lines...) through `toEcs`. */
export async function ecsDocumentsOfFiles(
  files: readonly string[],
  onDoc: (doc: EcsDocument) => void,
  options?: EcsOptions,
): Promise<EcsConversionSummary> {
  let documents = 0;
  let skipped = 0;
  const read = await forEachRecord(files, (record) => {
    const doc = toEcs(record, options);
    if (doc === undefined) {
      skipped++;
      return;
    }
    documents++;
    onDoc(doc);
  });
  return { files: read.files, records: read.records, documents, skipped, problems: read.problems };
}
