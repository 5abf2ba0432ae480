import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SEVERITIES, type FindingDocument, type Severity } from '../../common/finding';
import { catalogEntries } from '../../server/analytic/catalog/classify';
import { TACTICS } from '../../server/analytic/catalog/techniques';
import { findingsIndex } from '../../server/store/elasticsearch/findings/findings_index';
import { detectFiles } from '../../test/support/detect_files';
import { makeFinding } from '../../test/support/fake_kibana';
import { generateSampleDay } from '../sample_data';
import { kqlFields, matchesKql, parseKql, valuesAt } from './kql';
import { KEYWORD_TYPES, mappedType, NUMBER_TYPES } from './mapping_fields';
import { SECURITY_RULE_ID, securityRule, securityRuleNdjson, type SecurityRule } from './security_rule';

const rule = securityRule();
const query = parseKql(rule.query);

/** Security's override of the alert severity (build_severity_from_mapping.ts): the highest severity whose value matches. */
function alertSeverity(r: SecurityRule, source: unknown): Severity {
  let matched: Severity | undefined;
  for (const m of [...r.severity_mapping].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))) {
    if (valuesAt(source, m.field).map(String).includes(m.value)) matched = m.severity;
  }
  return matched ?? r.severity;
}

/** Security's override of the risk score (build_risk_score_from_mapping.ts): the largest 0-100 number in the field. */
function alertRiskScore(r: SecurityRule, source: unknown): number {
  const numbers = valuesAt(source, r.risk_score_mapping[0].field).map(Number).filter((n) => Number.isFinite(n) && n >= 0 && n <= 100);
  return numbers.length ? Math.max(...numbers) : r.risk_score;
}

/** Security's rule name override (build_rule_name_from_mapping.ts): the field's value when it is a string. */
function alertRuleName(r: SecurityRule, source: unknown): string {
  const value = valuesAt(source, r.rule_name_override);
  return value.length === 1 && typeof value[0] === 'string' ? value[0] : r.name;
}

describe('the Security rule', () => {
  it('is one rule per line of NDJSON, in the import format of a custom query rule', () => {
    const text = securityRuleNdjson();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]) as SecurityRule;
    expect(parsed).toEqual(rule);
    expect(parsed).toMatchObject({ rule_id: SECURITY_RULE_ID, type: 'query', language: 'kuery', enabled: true, version: 1, to: 'now' });
    expect(parsed.name.length).toBeGreaterThan(0);
    expect(parsed.description.length).toBeGreaterThan(0);
    expect(parsed.risk_score).toBeGreaterThanOrEqual(0);
    expect(parsed.risk_score).toBeLessThanOrEqual(100);
    expect(parsed.interval).toMatch(/^[1-9]\d*[smh]$/);
    expect(parsed.from).toMatch(/^now-[1-9]\d*[smh]$/);
    expect(parsed.investigation_fields.field_names.length).toBeGreaterThan(0);
  });

  it("reads the space's findings index, named by the server", () => {
    expect(rule.index).toEqual(['.alerts-cloud_api_abuse.findings-default']);
    expect(securityRule(findingsIndex('team-a').name).index).toEqual(['.alerts-cloud_api_abuse.findings-team-a']);
    expect(securityRule(findingsIndex('team-a').name).note).toContain('.alerts-cloud_api_abuse.findings-team-a');
    expect(() => securityRule('logs-*,.kibana')).toThrow(/not an index/);
    expect(() => securityRule('"quoted"')).toThrow(/not an index/);
  });

  it('queries keyword fields the findings mapping has', () => {
    expect(kqlFields(query).map((f) => [f, mappedType(f)])).toEqual([
      ['event.kind', 'keyword'],
      ['event.module', 'keyword'],
      ['event.dataset', 'keyword'],
      ['cloud_api_abuse.workflow.status', 'keyword'],
    ]);
  });

  it('maps severity from kibana.alert.severity (a keyword), one entry per severity, each to itself', () => {
    expect(mappedType('kibana.alert.severity')).toBe('keyword');
    expect(rule.severity_mapping.map((m) => [m.field, m.operator, m.value, m.severity])).toEqual(SEVERITIES.map((s) => ['kibana.alert.severity', 'equals', s, s]));
  });

  it('maps the risk score from kibana.alert.risk_score (a number) and names alerts from kibana.alert.reason (a keyword)', () => {
    expect(rule.risk_score_mapping).toEqual([{ field: 'kibana.alert.risk_score', operator: 'equals', value: '' }]);
    expect(NUMBER_TYPES.has(mappedType('kibana.alert.risk_score') ?? '')).toBe(true);
    expect(KEYWORD_TYPES.has(mappedType(rule.rule_name_override) ?? '')).toBe(true);
  });

  it('declares required fields with the types the findings mapping gives them', () => {
    for (const field of rule.required_fields) expect([field.name, mappedType(field.name)]).toEqual([field.name, field.type]);
    const declared = rule.required_fields.map((f) => f.name);
    for (const field of [...kqlFields(query), rule.rule_name_override, ...rule.severity_mapping.map((m) => m.field), ...rule.risk_score_mapping.map((m) => m.field)]) {
      expect(declared).toContain(field);
    }
  });

  it('highlights investigation fields that findings carry in the mapping', () => {
    for (const field of rule.investigation_fields.field_names) expect([field, mappedType(field)]).toEqual([field, expect.any(String)]);
  });

  it('maps every technique the analytic can attach, under each of its tactics, with ATT&CK references', () => {
    const listed = new Map<string, Set<string>>();
    for (const t of rule.threat) {
      expect(t.framework).toBe('MITRE ATT&CK');
      expect(t.tactic.reference).toBe(`https://attack.mitre.org/tactics/${t.tactic.id}/`);
      for (const tech of t.technique) {
        expect(tech.id).toMatch(/^T\d{4}$/);
        expect(tech.reference).toBe(`https://attack.mitre.org/techniques/${tech.id}/`);
        const ids = [tech.id, ...(tech.subtechnique ?? []).map((s) => s.id)];
        for (const s of tech.subtechnique ?? []) {
          expect(s.id.startsWith(`${tech.id}.`)).toBe(true);
          expect(s.name).not.toContain(':');
          expect(s.reference).toBe(`https://attack.mitre.org/techniques/${s.id.replace('.', '/')}/`);
        }
        for (const id of ids) listed.set(id, (listed.get(id) ?? new Set()).add(t.tactic.id));
      }
    }
    const tacticIds = new Set(Object.values(TACTICS).map((t) => t.id));
    expect(rule.threat.every((t) => tacticIds.has(t.tactic.id))).toBe(true);
    // The catalog's techniques, and those the analytic attaches to shift signals (document.ts).
    const emitted = new Set([...catalogEntries.flatMap((e) => e.techniques), 'T1078.004', 'T1552.005', 'T1550.001', 'T1059.009', 'T1098.003', 'T1548.005']);
    expect([...emitted].filter((id) => !listed.has(id))).toEqual([]);
    expect([...(listed.get('T1078.004') ?? [])].sort()).toEqual(['TA0001', 'TA0003', 'TA0004', 'TA0005']);
    const validAccounts = rule.threat.find((t) => t.tactic.id === 'TA0001')?.technique.find((t) => t.id === 'T1078');
    expect(validAccounts).toMatchObject({ name: 'Valid Accounts', subtechnique: [{ id: 'T1078.004', name: 'Cloud Accounts' }] });
  });

  it('selects findings, open or acknowledged, and not closed ones or other alerts', () => {
    expect(matchesKql(query, makeFinding({ id: 'a'.repeat(32) }))).toBe(true);
    expect(matchesKql(query, makeFinding({ id: 'b'.repeat(32), status: 'acknowledged' }))).toBe(true);
    expect(matchesKql(query, makeFinding({ id: 'c'.repeat(32), status: 'closed' }))).toBe(false);
    const securityAlert = { ...makeFinding({ id: 'd'.repeat(32) }), event: { kind: 'signal', module: 'cloud_api_abuse', dataset: 'cloud_api_abuse.finding' } };
    expect(matchesKql(query, securityAlert)).toBe(false);
    const cloudTrail = { event: { kind: 'event', module: 'aws', dataset: 'aws.cloudtrail', action: 'ConsoleLogin' } };
    expect(matchesKql(query, cloudTrail)).toBe(false);
  });

  describe('over the findings of a generated day', () => {
    let findings: FindingDocument[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'cloud-api-abuse-rule-'));
    beforeAll(async () => {
      const { files } = await generateSampleDay({ outDir: dir, seed: 3, events: 15_000 });
      findings = (await detectFiles(files)).findings;
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('turns every finding into an alert with its own severity, risk score, reason and techniques', () => {
      expect(findings.length).toBeGreaterThan(3);
      const mapped = new Set(rule.threat.flatMap((t) => t.technique.flatMap((tech) => [tech.id, ...(tech.subtechnique ?? []).map((s) => s.id)])));
      for (const finding of findings) {
        expect(matchesKql(query, finding)).toBe(true);
        expect(alertSeverity(rule, finding)).toBe(finding.kibana.alert.severity);
        expect(alertRiskScore(rule, finding)).toBe(finding.kibana.alert.risk_score);
        expect(alertRuleName(rule, finding)).toBe(finding.kibana.alert.reason);
        for (const t of finding.threat.technique) expect([t.id, mapped.has(t.id)]).toEqual([t.id, true]);
      }
      expect(new Set(findings.map((f) => alertSeverity(rule, f))).size).toBeGreaterThan(1);
    });
  });
});
