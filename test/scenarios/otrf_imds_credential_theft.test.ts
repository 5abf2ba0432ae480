/**
 * OTRF / CloudGoat cloud_breach_s3: an attacker abuses an EC2 reverse proxy to read the instance profile's
 * credentials from the metadata service and uses them from a laptop to list and download S3 objects, while the lab
 * operator pedro browses the EC2 console.
 */
import { dataset } from '../support/datasets';
import { detectFiles, type DetectedFiles } from '../support/detect_files';

describe('OTRF EC2 metadata credential theft', () => {
  let run: DetectedFiles;
  beforeAll(async () => {
    run = await detectFiles([dataset('aws/otrf-ec2-imds-credential-theft')]);
  });

  it('reports the BankingWAFRole instance credentials used from a workstation CLI as high or critical, and says why', () => {
    const f = run.findings.find((x) => x.cloud_api_abuse.root_identity.id.endsWith('instance/i-0317f6c6b66ae9c40'));
    expect(f).toBeDefined();
    expect(['high', 'critical']).toContain(f!.kibana.alert.severity);
    const reason = f!.cloud_api_abuse.reasons.find((r) => r.code === 'INSTANCE_CREDENTIAL_OFF_INSTANCE');
    expect(reason?.text).toMatch(/i-0317f6c6b66ae9c40/);
    expect(reason?.text).toMatch(/workstation/);
    expect(reason?.text).toMatch(/aws-cli on macos/);
    expect(f!.cloud_api_abuse.techniques.map((t) => t.id)).toEqual(expect.arrayContaining(['T1552.005', 'T1530']));
    // all 11 attacker events are evidence
    expect(f!.cloud_api_abuse.evidence).toHaveLength(11);
  });

  it('reports nothing of medium or above for the console user pedro', () => {
    const pedro = run.findings.filter((x) => x.cloud_api_abuse.root_identity.id.endsWith(':user/pedro') && x.kibana.alert.severity !== 'low');
    expect(pedro).toEqual([]);
  });

  it('reads all 103 Logstash-shaped records, taking their time from @timestamp', () => {
    expect(run.report.events).toBe(103);
    expect(run.report.skipped).toBe(0);
  });
});
