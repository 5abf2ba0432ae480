/** `generate`: the seeded sample day (native AWS, GCP and Azure logs with injected attack chains, plus labels). */
import type { Command } from 'commander';
import { generateSampleDay } from '../sample_data';
import { UsageError } from './run_local';

function intOpt(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

export function generateCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('generate')
    .description('write a realistic multi-cloud day of audit logs with injected attack chains and a labels file')
    .requiredOption('--out <dir>', 'output directory')
    .option('--events <n>', 'approximate number of events', '200000')
    .option('--seed <n>', 'random seed (same seed, same files)', '1')
    .option('--date <yyyy-mm-dd>', 'the day to generate', '2026-11-20')
    .action(async (o: { out: string; events: string; seed: string; date: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date) || Number.isNaN(Date.parse(o.date))) throw new UsageError(`--date must be YYYY-MM-DD, got "${o.date}"`);
      const events = intOpt('--events', o.events, 1_000, 50_000_000);
      const seed = intOpt('--seed', o.seed, 0, 2 ** 31 - 1);
      const started = Date.now();
      let lastPrint = 0;
      const result = await generateSampleDay({
        outDir: o.out,
        events,
        seed,
        date: o.date,
        onProgress: (done, total) => {
          if (Date.now() - lastPrint > 2000) {
            lastPrint = Date.now();
            process.stderr.write(`generated ${done} / ${total} events\n`);
          }
        },
      });
      process.stderr.write(
        `Wrote ${result.totalEvents} events (${result.attackEvents} in ${result.labels.chains.length} attack chains) to ${result.files.length} files in ${o.out} in ${((Date.now() - started) / 1000).toFixed(1)} s; labels: ${result.labelsFile}\n`,
      );
      setExit(0);
    });
}
