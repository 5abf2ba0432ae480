/**
 * Every record of every third-party dataset either normalizes or comes back with a reason; nothing throws. Panther's
 * hand-made fixtures are the breadth test: at least 98% of them must become valid AuditEvents.
 */
import type { NormalizeResult } from '../../../common/audit_event';
import { auditEventSchema } from './audit_event_schema';
import { allDatasetRecords, PANTHER_FILES, type DatasetRecord } from './dataset_fixtures';
import { normalizeRecord } from './index';

interface Outcome {
  input: DatasetRecord;
  result: NormalizeResult;
  valid: boolean;
}

const outcomes: Outcome[] = allDatasetRecords().map((input) => {
  const result = normalizeRecord(input.record, input.origin);
  return { input, result, valid: result.ok && auditEventSchema.safeParse(result.event).success };
});

const of = (dataset: DatasetRecord['dataset']): Outcome[] => outcomes.filter((o) => o.input.dataset === dataset);

describe('dataset sweep', () => {
  it('reads all four dataset folders', () => {
    expect(of('invictus')).toHaveLength(2900);
    expect(of('otrf')).toHaveLength(103);
    expect(of('ecs').length).toBeGreaterThanOrEqual(20);
    expect(of('panther')).toHaveLength(976);
  });

  it('returns an event or a non-empty reason for every record', () => {
    for (const { result } of outcomes) {
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
    }
  });

  it('normalizes all invictus and OTRF CloudTrail records into valid events with a time', () => {
    for (const o of [...of('invictus'), ...of('otrf')]) {
      expect(o.valid).toBe(true);
      expect(o.result.ok && o.result.event.time).toBeGreaterThan(Date.UTC(2020, 0, 1));
    }
  });

  it('normalizes every Elastic document that has a dataset, and every raw line beside them', () => {
    const failures = of('ecs').filter((o) => !o.valid);
    // the two pipeline-test documents of an empty input line carry no event at all
    expect(failures.map((o) => o.input.origin.file)).toEqual([
      'ecs/elastic-integrations/aws_cloudtrail/test-send-command-targets-json.log-expected.json',
      'ecs/elastic-integrations/aws_cloudtrail/test-start-session-json.log-expected.json',
    ]);
  });

  it('turns at least 98% of the Panther fixtures (all four files) into valid AuditEvents', () => {
    const panther = of('panther');
    const valid = panther.filter((o) => o.valid).length;
    const share = valid / panther.length;
    const perFile = PANTHER_FILES.map((file) => {
      const mine = panther.filter((o) => o.input.panther?.file === file);
      return `${file}: ${mine.filter((o) => o.valid).length}/${mine.length}`;
    });
    const reasons = new Map<string, number>();
    for (const o of panther) {
      if (!o.result.ok) reasons.set(o.result.reason, (reasons.get(o.result.reason) ?? 0) + 1);
    }
    console.log(
      [
        `Panther fixtures normalized to valid AuditEvents: ${valid}/${panther.length} = ${(share * 100).toFixed(2)}%`,
        ...perFile,
        'reasons for the rest:',
        ...[...reasons].map(([reason, n]) => `  ${n} x ${reason}`),
      ].join('\n'),
    );
    expect(share).toBeGreaterThanOrEqual(0.98);
  });

  it('never produces an event the schema rejects', () => {
    const invalid = outcomes.filter((o) => o.result.ok && !o.valid);
    expect(invalid.map((o) => `${o.input.origin.file}:${o.input.origin.line}`)).toEqual([]);
  });
});
