/**
 * Credentials that trace back to a person the way the analytic's lineage finds them (server/analytic/lineage.ts): a
 * credential minted by a person, or with a credential that itself traces back to one, hop by hop (AssumeRole by an
 * IAM user, a SAML login, role chaining). Each hop is one aggregation of the ids the mint calls name, never a fetch.
 */
import type { estypes } from '@elastic/elasticsearch';
import { bucketKey, buckets, child, type AggNode } from './agg_reader';
import { inDataset, type CoverageDataset, type CredentialLineage } from './coverage_datasets';

type Query = estypes.QueryDslQueryContainer;
type Agg = estypes.AggregationsAggregationContainer;

/** Hops followed (the analytic's chains rarely go deeper), and credentials kept in all. */
const MAX_HOPS = 5;
const MAX_CREDENTIALS = 20_000;

/** Runs one aggregation over the documents matching `filter`, from the mints' earliest useful time. */
export type MintSearch = (filter: Query, aggs: Record<string, Agg>) => Promise<AggNode | undefined>;

export async function personCredentials(d: CoverageDataset, lineage: CredentialLineage, search: MintSearch): Promise<string[]> {
  const traced = new Set<string>();
  let minters: Query = d.person;
  for (let hop = 0; hop < MAX_HOPS && traced.size < MAX_CREDENTIALS; hop++) {
    const size = MAX_CREDENTIALS - traced.size;
    const aggs: Record<string, Agg> = {};
    lineage.minted.forEach((field, i) => {
      aggs[`m${i}`] = { terms: { field, size } };
    });
    const node = await search({ bool: { filter: [inDataset(d), lineage.mints, minters] } }, aggs);
    const fresh: string[] = [];
    lineage.minted.forEach((_, i) => {
      for (const b of buckets(child(node, `m${i}`))) {
        const key = bucketKey(b);
        if (key === undefined || traced.has(String(key)) || traced.size >= MAX_CREDENTIALS) continue;
        traced.add(String(key));
        fresh.push(String(key));
      }
    });
    if (fresh.length === 0) break;
    minters = { terms: { [lineage.credential]: fresh } };
  }
  return [...traced];
}

/** A person acted, by the document or through a credential that traces back to one. */
export function personQuery(d: CoverageDataset, credentials: string[] | undefined): Query {
  if (!d.lineage || !credentials?.length) return d.person;
  return { bool: { should: [d.person, { terms: { [d.lineage.credential]: credentials } }], minimum_should_match: 1 } };
}
