import { parseUserAgent } from './detect_interface';
import { AGENT_RULES, AZURE_CLIENT_APPS, BROWSER_MARKERS, ENVIRONMENT_RULES, OFFENSIVE_RULES, OS_RULES } from './interface_rules';

const allMarkers = [
  ...AGENT_RULES.flatMap((rule) => [...(rule.contains ?? []), ...(rule.allOf ?? [])]),
  ...BROWSER_MARKERS,
  ...ENVIRONMENT_RULES.flatMap((rule) => rule.contains),
  ...OFFENSIVE_RULES.flatMap((rule) => rule.contains),
  ...OS_RULES.flatMap((rule) => rule.contains ?? []),
];

describe('interface rules', () => {
  it('writes every marker in lower case (user agents are lower-cased before matching)', () => {
    expect(allMarkers.filter((marker) => marker !== marker.toLowerCase())).toEqual([]);
  });

  it('compiles patterns without global or sticky flags (a stateful regular expression would skip matches)', () => {
    const patterns = [...AGENT_RULES, ...OS_RULES].flatMap((rule) => (rule.pattern ? [rule.pattern] : []));
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(pattern.flags.replace(/[isu]/g, '')).toBe('');
  });

  it('names tool families without versions', () => {
    const tools = [...AGENT_RULES, ...ENVIRONMENT_RULES, ...OFFENSIVE_RULES].flatMap((rule) => (rule.tool ? [rule.tool] : []));
    for (const tool of tools) expect(tool).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('lets every agent marker reach its own rule (no earlier rule swallows it)', () => {
    const shadowed: string[] = [];
    for (const rule of AGENT_RULES) {
      if (!rule.contains || rule.tool === 'agent') continue;
      for (const marker of rule.contains) {
        const info = parseUserAgent(`${marker}1.0`).info;
        if (info.tool !== rule.tool && !info.offensive) shadowed.push(`${marker} -> ${info.tool} (expected ${rule.tool})`);
      }
    }
    expect(shadowed).toEqual([]);
  });

  it('recognises every offensive tool marker, and nothing offensive in ordinary tools', () => {
    for (const rule of OFFENSIVE_RULES) for (const marker of rule.contains) expect([marker, parseUserAgent(`${marker}/1.0`).info.offensive]).toEqual([marker, true]);
    for (const ordinary of ['aws-cli/2.15.0 Python/3.11', 'Boto3/1.26.0', 'google-cloud-sdk gcloud/548.0.0', 'AZURECLI/2.61.0 (MSI)']) {
      expect(parseUserAgent(ordinary).info.offensive).toBeUndefined();
    }
  });

  it('keys Azure client applications by lower-case GUID', () => {
    for (const appId of Object.keys(AZURE_CLIENT_APPS)) expect(appId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', 'ios', false],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)', 'chromeos', true],
    ['Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', 'linux', true],
    ['aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-1014-gcp exe/x86_64.ubuntu.22', 'linux', false],
    ['aws-cli/2.15.0 Python/3.11.6 Windows/10 exe/AMD64 prompt/off', 'windows', true],
    ['Boto3/1.34.0 Python/3.9.16 Linux/6.1.61-85.141.amzn2023.x86_64 Botocore/1.34.0', 'amazon-linux', false],
    ['Microsoft Azure Graph Client Library', undefined, false],
  ])('reads the OS of %s', (ua, os, workstation) => {
    const { info } = parseUserAgent(ua);
    expect([info.os, info.workstation]).toEqual([os, workstation]);
  });
});
