/** Reading exported audit-log files: listing, format detection, robust parsing, time-ordered merge. */
export { listInputFiles, type InputFiles } from './list_input_files';
export { openLocalSource, DEFAULT_BATCH_SIZE, DEFAULT_LATENESS_MS } from './local_source';
export { readRawRecords, type RawReadSummary } from './raw_records';
export { MAX_SKIP_DETAILS } from './read_report';
export { DEFAULT_MAX_RECORD_CHARS } from './record_parser';
export type {
  LocalSource,
  LocalSourceOptions,
  NormalizeRecord,
  ReadProgress,
  ReadReport,
  Skip,
  SkipCode,
} from './types';
