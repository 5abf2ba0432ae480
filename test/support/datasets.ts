import * as path from 'node:path';

/** ../shared/datasets beside the repository root. */
export const DATASETS = path.resolve(__dirname, '../../../shared/datasets');
export const dataset = (...parts: string[]): string => path.join(DATASETS, ...parts);
