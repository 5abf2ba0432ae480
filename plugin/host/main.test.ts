import * as path from 'node:path';
import { buildProgram } from './main';
import { DEFAULTS } from './host_options';
import type { HostOptions } from './start_host';

async function parse(argv: string[]): Promise<HostOptions | Error> {
  let got: HostOptions | undefined;
  const program = buildProgram(async (o) => {
    got = o;
  });
  program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return error as Error;
  }
  return got ?? new Error('no action');
}

describe('npm start options', () => {
  it('defaults to the sample day and database under .data in the repository, on 127.0.0.1:5602', async () => {
    expect(await parse([])).toEqual({
      data: DEFAULTS.data,
      db: DEFAULTS.db,
      port: 5602,
      host: '127.0.0.1',
      watch: false,
      readOnly: false,
      seed: 1,
      sampleEvents: 100_000,
      sample: true,
    });
    expect(DEFAULTS.data.endsWith(path.join('.data', 'sample-day'))).toBe(true);
    expect(path.dirname(path.dirname(DEFAULTS.data))).toBe(path.resolve(__dirname, '..', '..'));
  });

  it('takes every option', async () => {
    expect(await parse(['--data', 'logs', '--db', 'x.sqlite', '--port', '0', '--host', '0.0.0.0', '--watch', '--interval', '30s', '--read-only', '--seed', '9', '--events', '5000', '--no-sample'])).toEqual({
      data: 'logs',
      db: 'x.sqlite',
      port: 0,
      host: '0.0.0.0',
      watch: true,
      interval: '30s',
      readOnly: true,
      seed: 9,
      sampleEvents: 5000,
      sample: false,
    });
  });

  it('refuses bad values with a usage error', async () => {
    for (const argv of [['--port', '70000'], ['--port', 'web'], ['--interval', '5'], ['--interval', '500ms'], ['--seed', '-1'], ['--events', '10'], ['--unknown']]) {
      const result = await parse(argv);
      expect([argv.join(' '), result instanceof Error]).toEqual([argv.join(' '), true]);
    }
  });
});
