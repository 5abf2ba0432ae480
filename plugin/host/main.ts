/**
 * npm start: the standalone host. Reads a folder of cloud audit logs (a generated sample day by default) or a cluster
 * (ES_URL), and serves the Cloud API Abuse panel and REST API on http://127.0.0.1:5602 without Kibana.
 * Exit codes: 0 after Ctrl-C, 1 when the host cannot start, 2 for a usage error.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULTS, parseInterval } from './host_options';
import { startHost, type HostOptions, type RunningHost } from './start_host';

interface CliOptions {
  data: string;
  db: string;
  port: number;
  host: string;
  watch: boolean;
  interval?: string;
  readOnly: boolean;
  seed: number;
  events: number;
  sample: boolean;
}

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return n;
  };
}

function interval(value: string): string {
  if (parseInterval(value) === undefined) throw new InvalidArgumentError('expected a duration of at least 1s such as 30s, 5m or 1h');
  return value;
}

export function buildProgram(run: (options: HostOptions) => Promise<void>): Command {
  return new Command('cloud-api-abuse-host')
    .description('The Cloud API Abuse panel and REST API without Kibana: findings in a local SQLite file, detection over a folder of logs or a cluster (ES_URL)')
    .option('--data <dir>', 'folder of log files; a sample day is generated there when it holds none', DEFAULTS.data)
    .option('--db <file>', 'SQLite database file', DEFAULTS.db)
    .option('--port <port>', 'HTTP port', integer(0, 65_535), DEFAULTS.port)
    .option('--host <address>', 'address to listen on (the host has no login: keep it on this machine)', DEFAULTS.host)
    .option('--watch', 're-read the folder every interval when files were added or changed', false)
    .option('--interval <duration>', `time between runs with --watch (default ${DEFAULTS.watchInterval}) or ES_URL (default 5m)`, interval)
    .option('--read-only', 'the panel can read but not change statuses, automation or start runs', false)
    .option('--seed <n>', 'seed of the generated sample day', integer(0, 0xffffffff), DEFAULTS.seed)
    .option('--events <n>', 'events in the generated sample day', integer(1_000, 5_000_000), DEFAULTS.sampleEvents)
    .option('--no-sample', 'never generate a sample day')
    .addHelpText(
      'after',
      '\nCluster mode: set ES_URL and ES_API_KEY (or ES_USERNAME and ES_PASSWORD; ES_TLS_VERIFY=false for a self-signed test cluster)\n' +
        'to read the audit data streams as the Kibana task does, keeping findings in the SQLite file.',
    )
    .showHelpAfterError('(run with --help for the options)')
    .exitOverride()
    .action(async (o: CliOptions) => {
      await run({
        data: o.data,
        db: o.db,
        port: o.port,
        host: o.host,
        watch: o.watch,
        ...(o.interval !== undefined ? { interval: o.interval } : {}),
        readOnly: o.readOnly,
        seed: o.seed,
        sampleEvents: o.events,
        sample: o.sample,
      });
    });
}

/** Runs until SIGINT/SIGTERM, then closes the scheduler (cancelling a run), the server and the database. */
async function serve(options: HostOptions): Promise<void> {
  const startedAt = Date.now() - Math.round(process.uptime() * 1000);
  const starting: Promise<RunningHost> = startHost({ ...options, startedAt });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting without closing cleanly\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write('closing...\n');
    // A host still starting is closed once it has started (or has failed to).
    starting
      .then((host) => host.close(), () => undefined)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`error while closing: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  await starting;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram(serve).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
