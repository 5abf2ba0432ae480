/** Shared by this folder's tests: real findings from the analytic, and a store on the fake Elasticsearch. */
import { readdirSync } from 'node:fs';
import type { FindingDocument } from '../../../../common/finding';
import { dataset } from '../../../../test/support/datasets';
import { detectFiles } from '../../../../test/support/detect_files';
import { FakeElasticsearch } from '../../../../test/support/fake_es';
import type { RetryOptions } from '../retry';
import { findingsIndex, type FindingsIndex } from './findings_index';
import { ElasticsearchFindingsStore } from './findings_store';

export const INVICTUS = dataset('aws/invictus-ir-2023-07-10/CloudTrail');
export const OTRF = dataset('aws/otrf-ec2-imds-credential-theft');

let all: Promise<FindingDocument[]> | undefined;

/**
 * The analytic's findings over invictus-ir (IAM user bert-jan's Stratus Red Team run) and OTRF (EC2 instance
 * credentials stolen through IMDS): four chains, four severities, two accounts, a user and an instance root.
 */
export function realFindings(): Promise<FindingDocument[]> {
  all ??= detectFiles([INVICTUS, OTRF]).then((r) => r.findings);
  return all.then((findings) => structuredClone(findings));
}

/** The invictus findings as a run that had read only the CloudTrail files delivered before `hhmm` (UTC) saw them. */
export async function invictusUntil(hhmm: string): Promise<FindingDocument[]> {
  const files = readdirSync(INVICTUS)
    .filter((f) => f.split('_')[3] < `20230710T${hhmm}Z`)
    .map((f) => `${INVICTUS}/${f}`);
  return (await detectFiles(files)).findings;
}

export interface Harness {
  fake: FakeElasticsearch;
  store: ElasticsearchFindingsStore;
  index: FindingsIndex;
  /** Backoff delays the store asked for, in order (the sleep itself is instant). */
  sleeps: number[];
}

export function harness(spaceId = 'default', retry: Partial<RetryOptions> = {}, fake = new FakeElasticsearch()): Harness {
  const sleeps: number[] = [];
  const index = findingsIndex(spaceId);
  const store = new ElasticsearchFindingsStore({
    client: fake.client(),
    index,
    retry: {
      retries: 3,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: () => 1,
      sleep: async (ms) => void sleeps.push(ms),
      ...retry,
    },
  });
  return { fake, store, index, sleeps };
}

export const idOf = (f: FindingDocument): string => f.cloud_api_abuse.finding_id;
