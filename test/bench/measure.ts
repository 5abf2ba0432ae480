/**
 * One measurement in its own process, so peak RSS belongs to it alone. Modes:
 *   parse  <dir>  read and JSON.parse every record of the day's files (the bare baseline)
 *   detect <dir>  the CLI's detect path: read, normalize, analyse, render findings
 * Prints one JSON line: { mode, events, seconds, peak_rss_mb }.
 */
import { listInputFiles, readRawRecords } from '../../server/store/local';
import { runLocal } from '../../plugin/cli/run_local';

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  const { files } = await listInputFiles([dir]);
  const started = process.hrtime.bigint();
  let events = 0;
  if (mode === 'parse') {
    const raw = await readRawRecords(files);
    events = raw.records;
  } else if (mode === 'detect') {
    let findings = 0;
    const { result } = await runLocal({ paths: files, onFindings: (docs) => void (findings += docs.length) });
    events = result.events;
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ mode, events, seconds, peak_rss_mb: Math.round(peak) }) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exitCode = 1;
});
