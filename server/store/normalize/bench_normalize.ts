/**
 * Micro-check, not a test: cost of normalizing one CloudTrail record. Normalizes the 2,900 invictus records many
 * times and prints nanoseconds per record.
 *
 *   node --import tsx server/store/normalize/bench_normalize.ts [rounds]
 */
import { allDatasetRecords, invictusRecords } from './dataset_fixtures';
import { normalizeRecord } from './index';

function measure(label: string, records: unknown[], rounds: number): void {
  let sink = 0;
  for (let i = 0; i < 3; i++) for (const r of records) sink += normalizeRecord(r).ok ? 1 : 0; // warm-up
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    for (const r of records) sink += normalizeRecord(r).ok ? 1 : 0;
  }
  const ns = Number(process.hrtime.bigint() - start);
  const count = records.length * rounds;
  console.log(`${label}: ${count} normalizations, ${(ns / count).toFixed(0)} ns/record (${sink === 0 ? 'none' : 'ok'})`);
}

const rounds = Number(process.argv[2] ?? 100);
measure('invictus CloudTrail (raw)', invictusRecords().map((d) => d.record), rounds);
measure('all datasets (mixed shapes)', allDatasetRecords().map((d) => d.record), Math.max(1, Math.floor(rounds / 2)));
