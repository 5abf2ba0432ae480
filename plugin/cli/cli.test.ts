/** The CLI as a user runs it: ./bin/cloud-api-abuse, its output, its summary and its exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { dataset } from '../../test/support/datasets';

const BIN = path.resolve(__dirname, '../../bin/cloud-api-abuse');
const INVICTUS = dataset('aws/invictus-ir-2023-07-10/CloudTrail');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(BIN, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cloud-api-abuse CLI', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'caa-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('detect prints a table of findings and a summary, exit 0 by default', () => {
    const r = cli('detect', INVICTUS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SEVERITY\s+RISK\s+CLOUD\s+ROOT IDENTITY/);
    expect(r.stdout).toMatch(/CRITICAL\s+100\s+aws\s+arn:aws:iam::123837392027:user\/bert-jan/);
    expect(r.stderr).toMatch(/Read 55 file\(s\), [\d.]+ MB, 2900 records -> 2900 events/);
    expect(r.stderr).toMatch(/Findings: \d+ \(critical 1, high \d+, medium \d+, low \d+\)/);
  });

  it('writes detection documents as NDJSON to a file, filtered by severity', () => {
    const out = path.join(tmp, 'findings.ndjson');
    const r = cli('detect', INVICTUS, '--format', 'ndjson', '--min-severity', 'high', '--out', out);
    expect(r.code).toBe(0);
    const docs = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      expect(['high', 'critical']).toContain(d.kibana.alert.severity);
      expect(d.kibana.alert.risk_score).toBeGreaterThanOrEqual(65);
      expect(d.kibana.alert.reason).toEqual(expect.any(String));
      expect(d.event.kind).toBe('alert');
      expect(d.cloud_api_abuse.evidence[0].event_id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('exits 1 when a finding reaches --fail-on, 0 when none does', () => {
    expect(cli('detect', INVICTUS, '--fail-on', 'critical', '--format', 'json').code).toBe(1);
    expect(cli('detect', dataset('aws/otrf-ec2-imds-credential-theft'), '--fail-on', 'critical').code).toBe(0);
  });

  it('exits 2 with a specific message on usage and input errors', () => {
    const unknown = cli('detect', INVICTUS, '--format', 'xml');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/xml/);
    const missing = cli('detect', path.join(tmp, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no input files found/);
    const since = cli('detect', INVICTUS, '--since', 'yesterday');
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/ISO 8601/);
    const automation = path.join(tmp, 'automation.yaml');
    writeFileSync(automation, 'expected_automation:\n  - name: x\n');
    const bad = cli('detect', INVICTUS, '--automation', automation);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected_automation\.0\.reason/);
  });

  it('down-weights configured automation with its stated reason', () => {
    const automation = path.join(tmp, 'stratus.yaml');
    writeFileSync(automation, 'expected_automation:\n  - name: Red team exercise\n    reason: scheduled Stratus Red Team run\n    user_agents: [stratus-red-team]\n');
    const r = cli('detect', INVICTUS, '--automation', automation, '--format', 'json');
    const docs = JSON.parse(r.stdout);
    const chain = docs.find((d: { cloud_api_abuse: { root_identity: { id: string } } }) => d.cloud_api_abuse.root_identity.id.endsWith('user/bert-jan'));
    expect(chain.cloud_api_abuse.automation).toEqual({ name: 'Red team exercise', reason: 'scheduled Stratus Red Team run' });
    const reason = chain.cloud_api_abuse.reasons.find((x: { code: string }) => x.code === 'EXPECTED_AUTOMATION');
    expect(reason.weight).toBeLessThan(0);
    expect(chain.kibana.alert.risk_score).toBeLessThan(100);
  });

  it('--since/--until keep only events in the window', () => {
    const r = cli('detect', INVICTUS, '--since', '2023-07-10T12:20:00Z', '--until', '2023-07-10T12:25:00Z');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Outside --since\/--until: \d+/);
    const kept = Number(/-> (\d+) events/.exec(r.stderr)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(2900);
  });

  it('explain tells one finding as an incident story', () => {
    const docs = JSON.parse(cli('detect', INVICTUS, '--format', 'json').stdout);
    const id: string = docs.find((d: { kibana: { alert: { severity: string } } }) => d.kibana.alert.severity === 'critical').cloud_api_abuse.finding_id;
    const r = cli('explain', id.slice(0, 10), INVICTUS);
    expect(r.code).toBe(0);
    for (const heading of ['What changed', 'Timeline', 'Credential lineage', 'Why it scored', 'ATT&CK', 'Contain', 'Roll back']) expect(r.stdout).toContain(heading);
    expect(r.stdout).toMatch(/└─ ASIA\w+ \[temporary\].*minted by AssumeRole/);
    expect(cli('explain', 'abcdef12', INVICTUS).code).toBe(2);
  });

  it('coverage reports per scope with fixes', () => {
    const r = cli('coverage', INVICTUS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AWS: 2900 events; reads logged/);
    expect(r.stdout).toMatch(/aws 123837392027 us-east-1/);
    expect(r.stdout).toMatch(/\[critical\] Logging was changed/);
    expect(r.stdout).toMatch(/fix: /);
    const json = JSON.parse(cli('coverage', INVICTUS, '--format', 'json').stdout);
    expect(json.scopes[0].tamper_events.length).toBeGreaterThan(0);
  });

  it('goes on past bad input, processes every good event around it and reports each skip with file and line', () => {
    const records = readdirSync(INVICTUS).flatMap((f) => JSON.parse(readFileSync(path.join(INVICTUS, f), 'utf8')).Records as Record<string, unknown>[]);
    const first = records.slice(0, 1500).map((r) => JSON.stringify(r));
    const rest = records.slice(1500).map((r) => JSON.stringify(r));
    const noTime = { ...records[0], eventID: 'no-time-0001' } as Record<string, unknown>;
    delete noTime.eventTime;
    const huge = { ...records[1], eventID: 'huge-field-0001', userAgent: 'x'.repeat(10 * 1024 * 1024) };
    const proto = JSON.stringify({ ...records[2], eventID: 'proto-0001' }).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const lines = [
      ...first.slice(0, 700),
      '{this is not json',
      JSON.stringify(noTime),
      JSON.stringify(huge),
      proto,
      JSON.stringify({ vendor: 'someone', kind: 'unknown provider record' }),
      ...first.slice(700),
    ];
    writeFileSync(path.join(tmp, 'mixed.ndjson'), lines.join('\n') + '\n');
    const gz = gzipSync(Buffer.from(rest.join('\n') + '\n'));
    writeFileSync(path.join(tmp, 'cut.json.gz'), gz.subarray(0, Math.floor(gz.length * 0.8)));
    const r = cli('detect', path.join(tmp, 'mixed.ndjson'), path.join(tmp, 'cut.json.gz'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // the non-JSON line is line 701; the record without a time 702; the unknown record 705
    expect(r.stderr).toMatch(/mixed\.ndjson:701: .*JSON/);
    expect(r.stderr).toMatch(/mixed\.ndjson:702: .*time/);
    expect(r.stderr).toMatch(/mixed\.ndjson:705: unrecognized record/);
    expect(r.stderr).toMatch(/mixed\.ndjson:704: .*__proto__/);
    expect(r.stderr).toMatch(/cut\.json\.gz:\d+: truncated gzip after \d+ bytes/);
    const read = Number(/-> (\d+) events/.exec(r.stderr)?.[1]);
    // all 1,500 good records of the first file + the 10 MB one + the __proto__ one, and most of the cut file
    expect(read).toBeGreaterThan(1502 + 1000);
    const docs = JSON.parse(r.stdout);
    expect(docs.some((d: { kibana: { alert: { severity: string } } }) => d.kibana.alert.severity === 'critical')).toBe(true);
  });
});
