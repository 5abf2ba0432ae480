/** Public types of the sample-data generator. */
import type { CloudProvider } from '../../common/audit_event';

export interface SampleDayOptions {
  /** Directory to write into (created if missing). */
  outDir: string;
  /** Default 1. Same seed and options => byte-identical files. */
  seed?: number;
  /** Approximate total number of events (within 5%), default 200,000. */
  events?: number;
  /** The day, 'YYYY-MM-DD' (UTC), default '2026-11-20'. */
  date?: string;
  /** Called after each 5-minute slot with events written so far and the planned total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ChainLabel {
  id: string;
  title: string;
  provider: CloudProvider;
  /**
   * The root identity as the analytic reports it: `arn:aws:iam::<account>:user/<name>`,
   * `arn:aws:ec2:<region>:<account>:instance/<id>`, a GCP email, or an Azure UPN in lower case.
   */
  rootIdentity: string;
  techniques: string[];
  /** ISO 8601. */
  firstEventTime: string;
  lastEventTime: string;
  /** Provider event ids (CloudTrail eventID, GCP insertId, Azure eventDataId / sign-in id) of every attack event. */
  eventIds: string[];
}

/** Unusual but legitimate activity that an analytic should not rate high. */
export interface BenignNoveltyLabel {
  id: string;
  provider: CloudProvider;
  rootIdentity: string;
  description: string;
}

export interface SampleLabels {
  seed: number;
  date: string;
  totalEvents: number;
  benignEvents: number;
  attackEvents: number;
  chains: ChainLabel[];
  benignNovelties: BenignNoveltyLabel[];
}

export interface SampleDayResult {
  /** Absolute paths of the log files written, sorted. */
  files: string[];
  totalEvents: number;
  benignEvents: number;
  attackEvents: number;
  labelsFile: string;
  labels: SampleLabels;
}
