/**
 * npm run bench: performance targets measured against a baseline in the same run (never in timed tests).
 * - detect throughput vs merely reading and JSON.parse-ing the same files (target ratio >= 0.5);
 * - peak RSS at N and N/10 events (target: < 2x growth for 10x events, state bounded by credentials).
 * The last line printed is one JSON object with the figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { generateSampleDay } from '../../plugin/sample_data';
import { measureFetch } from './es_fetch';
import { measureFirstRender } from './first_render';
import { measureListRoute } from './list_route';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROOT = path.resolve(__dirname, '../../.tmp/bench');

interface Measurement {
  mode: string;
  events: number;
  seconds: number;
  peak_rss_mb: number;
}

/** Both sides run the same bundled build, as the CLI does after `npm ci`. */
function buildMeasure(): string {
  const esbuild = path.resolve(__dirname, '../../node_modules/.bin/esbuild');
  execFileSync(esbuild, [path.join(__dirname, 'measure.ts'), '--bundle', '--platform=node', '--target=node20', '--packages=external', '--entry-names=[name]', `--outdir=${ROOT}`, '--log-level=warning'], {
    stdio: 'inherit',
  });
  return path.join(ROOT, 'measure.js');
}

function measure(script: string, mode: 'parse' | 'detect', dir: string): Measurement {
  const out = execFileSync(process.execPath, [script, mode, dir], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Measurement;
}

async function generate(events: number, dir: string): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const day = await generateSampleDay({ outDir: dir, events, seed: 1 });
  process.stderr.write(`generated ${day.totalEvents} events in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${dir}\n`);
  return day.totalEvents;
}

async function main(): Promise<void> {
  const big = path.join(ROOT, 'day-full');
  const small = path.join(ROOT, 'day-tenth');
  await generate(EVENTS, big);
  await generate(Math.round(EVENTS / 10), small);
  const script = buildMeasure();

  // Alternate the runs so a noisy neighbour hurts both sides alike; keep the best of each.
  const parses: Measurement[] = [];
  const detects: Measurement[] = [];
  for (let i = 0; i < 2; i++) {
    parses.push(measure(script, 'parse', big));
    detects.push(measure(script, 'detect', big));
  }
  const parse = parses.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  const detect = detects.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  const tenth = measure(script, 'detect', small);

  const detectRate = Math.round(detect.events / detect.seconds);
  const parseRate = Math.round(parse.events / parse.seconds);
  const ratio = Math.round((detectRate / parseRate) * 1000) / 1000;
  const peak = Math.max(...detects.map((d) => d.peak_rss_mb));
  const rows = [
    ['read + JSON.parse only', `${parse.events}`, `${parse.seconds.toFixed(2)} s`, `${parseRate} events/s`, `${parse.peak_rss_mb} MB`],
    ['detect (end to end)', `${detect.events}`, `${detect.seconds.toFixed(2)} s`, `${detectRate} events/s`, `${peak} MB`],
    ['detect at 1/10 the events', `${tenth.events}`, `${tenth.seconds.toFixed(2)} s`, `${Math.round(tenth.events / tenth.seconds)} events/s`, `${tenth.peak_rss_mb} MB`],
  ];
  process.stdout.write(['run', 'events', 'time', 'throughput', 'peak RSS'].join(' | ') + '\n');
  for (const r of rows) process.stdout.write(r.join(' | ') + '\n');
  process.stdout.write(`detect/parse throughput ratio: ${ratio} (target >= 0.5)\n`);
  process.stdout.write(`peak RSS growth for 10x events: ${(peak / tenth.peak_rss_mb).toFixed(2)}x (target < 2x)\n`);
  // Elasticsearch: the smaller day served by the fake Elasticsearch, read in 4-hour scheduled windows.
  const fetch = await measureFetch(small, Date.parse('2026-11-20T00:00:00Z'));
  process.stdout.write(
    `Elasticsearch documents fetched per 1,000 events in the window: candidate-first ${fetch.candidate_first_per_1000}, full scan ${fetch.full_scan_per_1000} ` +
      `(${Math.round(fetch.share * 100)}%, target <= 20%); findings ${fetch.findings_candidate_first} vs ${fetch.findings_full_scan}\n`,
  );
  // The panel: the host's list route and the browser's first page, with 100,000 findings in the store.
  const list = await measureListRoute({ findings: 100_000 });
  process.stdout.write(`list route at ${list.findings} findings: p50 ${list.p50_ms} ms, p95 ${list.p95_ms} ms (target p95 < 200 ms)\n`);
  const render = await measureFirstRender({ findings: 100_000 });
  process.stdout.write(`first page of findings in chromium at ${render.findings} findings: ${render.first_render_ms} ms median, ${render.first_render_max_ms} ms max of 5 cold loads (target < 1000 ms)\n`);
  process.stdout.write(
    JSON.stringify({
      events: detect.events,
      detect_events_per_s: detectRate,
      parse_events_per_s: parseRate,
      ratio,
      peak_rss_mb: peak,
      peak_rss_mb_at_tenth: tenth.peak_rss_mb,
      es_docs_per_1000_candidate_first: fetch.candidate_first_per_1000,
      es_docs_per_1000_full_scan: fetch.full_scan_per_1000,
      es_fetch_share: fetch.share,
      list_p50_ms: list.p50_ms,
      list_p95_ms: list.p95_ms,
      first_render_ms: render.first_render_ms,
    }) + '\n',
  );
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exitCode = 1;
});
