/**
 * cloud-api-abuse: the analytic over exported cloud audit logs, without a cluster.
 * Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage or input errors.
 */
import { Command, CommanderError, Option } from 'commander';
import { createWriteStream, type WriteStream } from 'node:fs';
import { SEVERITIES, severityAtLeast, type FindingDocument, type Severity } from '../../common/finding';
import { findingsTable } from './table';
import { findingStory } from './story';
import { progressReporter } from './progress';
import { runSummary } from './summary';
import { parseTimeOption } from './time_option';
import { runLocal, UsageError } from './run_local';
import { coverageText } from './coverage_text';
import { generateCommand } from './generate';

const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

interface DetectOptions {
  format: 'table' | 'ndjson' | 'json';
  out?: string;
  minSeverity: Severity;
  failOn: Severity | 'none';
  automation?: string;
  since?: string;
  until?: string;
  lateness: string;
  progress: boolean;
}

function timeOpt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseTimeOption(value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function latenessOpt(value: string): number {
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60) throw new UsageError(`--lateness must be minutes between 0 and 1440, got "${value}"`);
  return minutes * 60_000;
}

async function openOut(file: string | undefined): Promise<NodeJS.WritableStream & { close?: () => void }> {
  if (!file) return process.stdout;
  const stream: WriteStream = createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => reject(new UsageError(`cannot write ${file}: ${err.message}`)));
  });
  return stream;
}

async function finish(stream: NodeJS.WritableStream): Promise<void> {
  if (stream === process.stdout) return;
  await new Promise<void>((resolve) => stream.end(resolve));
}

async function detect(paths: string[], o: DetectOptions): Promise<number> {
  const since = timeOpt(o.since);
  const until = timeOpt(o.until);
  const out = await openOut(o.out);
  const progress = progressReporter(o.progress);
  const kept: FindingDocument[] = [];
  const { result, report, seconds } = await runLocal({
    paths,
    automationFile: o.automation,
    since,
    until,
    lateness: latenessOpt(o.lateness),
    onProgress: (p) => progress.update(p),
    onFindings: (docs) => {
      for (const d of docs) {
        if (!severityAtLeast(d.kibana.alert.severity, o.minSeverity)) continue;
        // ndjson streams as chains close; the other formats need the whole set (sorted).
        if (o.format === 'ndjson') out.write(JSON.stringify(d) + '\n');
        else kept.push(d);
      }
    },
  });
  progress.stop();
  if (o.format === 'json') out.write(JSON.stringify(kept, null, 2) + '\n');
  if (o.format === 'table') {
    kept.sort((a, b) => b.kibana.alert.risk_score - a.kibana.alert.risk_score || (a.event.start < b.event.start ? -1 : 1));
    out.write(findingsTable(kept, process.stdout.columns ?? 200));
  }
  await finish(out);
  process.stderr.write(runSummary(report, result.bySeverity, seconds));
  if (report.files === 0) throw new UsageError(`no input files found in ${paths.join(', ')}`);
  if (o.failOn === 'none') return 0;
  const failing = (Object.keys(result.bySeverity) as Severity[]).some((s) => result.bySeverity[s] > 0 && severityAtLeast(s, o.failOn as Severity) && severityAtLeast(s, o.minSeverity));
  return failing ? EXIT_FINDINGS : 0;
}

async function explain(findingId: string, paths: string[], o: { automation?: string }): Promise<number> {
  if (!/^[0-9a-f]{4,64}$/i.test(findingId)) throw new UsageError(`"${findingId}" is not a finding id (hex, at least 4 characters)`);
  const matches: FindingDocument[] = [];
  const { report } = await runLocal({
    paths,
    automationFile: o.automation,
    onFindings: (docs) => {
      for (const d of docs) if (d.cloud_api_abuse.finding_id.startsWith(findingId.toLowerCase())) matches.push(d);
    },
  });
  if (report.files === 0) throw new UsageError(`no input files found in ${paths.join(', ')}`);
  if (!matches.length) throw new UsageError(`no finding ${findingId} in these files (run detect to list finding ids)`);
  if (matches.length > 1) throw new UsageError(`${findingId} matches ${matches.length} findings: give more characters`);
  process.stdout.write(findingStory(matches[0]));
  return 0;
}

async function coverage(paths: string[], o: { format: 'text' | 'json'; progress: boolean }): Promise<number> {
  const progress = progressReporter(o.progress);
  const { coverage: report, report: read } = await runLocal({ paths, coverage: true, onProgress: (p) => progress.update(p) });
  progress.stop();
  if (read.files === 0) throw new UsageError(`no input files found in ${paths.join(', ')}`);
  if (!report) return 0;
  process.stdout.write(o.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : coverageText(report));
  return 0;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('cloud-api-abuse')
    .description('Detect stolen or misused cloud credentials in AWS CloudTrail, GCP audit and Azure activity/sign-in logs')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('detect')
    .description('find attack chains in log files, directories or globs')
    .argument('<paths...>', 'files, directories or glob patterns (.json, .ndjson, .gz ...)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'ndjson', 'json']).default('table'))
    .option('--out <file>', 'write findings to a file instead of stdout')
    .addOption(new Option('--min-severity <severity>', 'only report findings at or above').choices([...SEVERITIES]).default('low'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity is reported').choices([...SEVERITIES, 'none']).default('none'))
    .option('--automation <file>', 'expected automation (YAML or JSON) to down-weight')
    .option('--since <time>', 'only events at or after (ISO 8601, or 24h / 7d back from now)')
    .option('--until <time>', 'only events before (ISO 8601, or a duration back from now)')
    .option('--lateness <minutes>', 'reorder window for events delivered late', '15')
    .option('--no-progress', 'no progress bar')
    .action(async (paths: string[], o: DetectOptions) => setExit(await detect(paths, o)));
  program
    .command('coverage')
    .description('report logging coverage: reads vs writes, gaps, tamper, sign-in and Data Access logs, traceability')
    .argument('<paths...>', 'files, directories or glob patterns')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-progress', 'no progress bar')
    .action(async (paths: string[], o: { format: 'text' | 'json'; progress: boolean }) => setExit(await coverage(paths, o)));
  program
    .command('explain')
    .description('tell one finding as an incident story: timeline, lineage, reasons, response')
    .argument('<finding-id>', 'finding id (or its first characters) as printed by detect')
    .argument('<paths...>', 'the same inputs detect was run on')
    .option('--automation <file>', 'expected automation (YAML or JSON)')
    .action(async (id: string, paths: string[], o: { automation?: string }) => setExit(await explain(id, paths, o)));
  generateCommand(program, setExit);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
