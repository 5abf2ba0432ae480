import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { savedObjectsNdjson } from './dashboard';
import { securityRuleNdjson } from './security_rule';
import { NDJSON_DIR, ndjsonFileNames, writeNdjsonFiles } from './write_files';

describe('the import files', () => {
  it('kept in the repository for the default space are what the code generates', () => {
    const names = ndjsonFileNames('default');
    expect(readFileSync(path.join(NDJSON_DIR, names.rule), 'utf8')).toBe(securityRuleNdjson('.alerts-cloud_api_abuse.findings-default'));
    expect(readFileSync(path.join(NDJSON_DIR, names.savedObjects), 'utf8')).toBe(savedObjectsNdjson('.alerts-cloud_api_abuse.findings-default'));
  });

  it("are written for another space and findings prefix, naming that space's index", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cloud-api-abuse-ndjson-'));
    try {
      const [rule, objects] = writeNdjsonFiles({ spaceId: 'soc', prefix: '.alerts-cloud_api_abuse.custom', outDir: dir });
      expect(path.basename(rule)).toBe('cloud_api_abuse_security_rule.soc.ndjson');
      expect((JSON.parse(readFileSync(rule, 'utf8')) as { index: string[] }).index).toEqual(['.alerts-cloud_api_abuse.custom-soc']);
      expect(readFileSync(objects, 'utf8')).toContain('"title":".alerts-cloud_api_abuse.custom-soc"');
      expect(() => writeNdjsonFiles({ spaceId: 'Not A Space', outDir: dir })).toThrow(/invalid Kibana space id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
