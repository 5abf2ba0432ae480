/** Seeded sample day of multi-cloud audit logs with injected attack chains (see generate_sample_day.ts). */
export { DEFAULT_DATE, DEFAULT_EVENTS, DEFAULT_SEED, generateSampleDay } from './generate_sample_day';
export { networkOf, SAMPLE_NETWORKS, type SampleNetwork } from './scenario/networks';
export type { BenignNoveltyLabel, ChainLabel, SampleDayOptions, SampleDayResult, SampleLabels } from './types';
