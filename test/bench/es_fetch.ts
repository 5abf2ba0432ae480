/**
 * Documents fetched from Elasticsearch per 1,000 events in the window: candidate-first versus a full scan, on the
 * sample day served by the fake Elasticsearch (through the real client), read as the scheduled task reads it: windows
 * of a few hours with the history before each window summarised by aggregations.
 */
import { listInputFiles } from '../../server/store/local';
import { detectElasticsearch, loadDay } from '../support/elasticsearch_day';

const HOUR = 3_600_000;

export interface FetchFigures {
  window_events: number;
  candidate_first_docs: number;
  full_scan_docs: number;
  candidate_first_per_1000: number;
  full_scan_per_1000: number;
  share: number;
  findings_candidate_first: number;
  findings_full_scan: number;
}

export async function measureFetch(dayDir: string, dayStart: number, windowHours = 4): Promise<FetchFigures> {
  const { files } = await listInputFiles([dayDir]);
  const { es, documents } = await loadDay(files);
  let candidate = 0;
  let full = 0;
  let events = 0;
  let findingsCandidate = 0;
  let findingsFull = 0;
  // The first window has no history before it; from then on every window is one scheduled run.
  for (let from = dayStart + windowHours * HOUR; from < dayStart + 24 * HOUR; from += windowHours * HOUR) {
    const window = { from, to: from + windowHours * HOUR, historyFrom: dayStart };
    const c = await detectElasticsearch(es.client(), window, 'candidate_first');
    const f = await detectElasticsearch(es.client(), window, 'full_scan');
    candidate += c.stats.docs;
    full += f.stats.docs;
    events += f.stats.events;
    findingsCandidate += c.findings.length;
    findingsFull += f.findings.length;
  }
  void documents;
  return {
    window_events: events,
    candidate_first_docs: candidate,
    full_scan_docs: full,
    candidate_first_per_1000: Math.round((candidate / events) * 1000),
    full_scan_per_1000: Math.round((full / events) * 1000),
    share: Math.round((candidate / full) * 1000) / 1000,
    findings_candidate_first: findingsCandidate,
    findings_full_scan: findingsFull,
  };
}

if (require.main === module) {
  measureFetch(process.argv[2], Date.parse(process.argv[3] ?? '2026-11-20T00:00:00Z')).then((f) => process.stdout.write(JSON.stringify(f) + '\n'));
}
