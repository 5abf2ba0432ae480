import type { CoverageScope } from '../../common/coverage';
import { gapSpans, hourDomain, hourlyPoints, tamperMarks } from './chart_data';

function scope(over: Partial<CoverageScope>): CoverageScope {
  return {
    provider: 'aws',
    account: '215738904613',
    region: 'us-east-1',
    events: 0,
    first_seen: '2026-11-20T00:00:00.000Z',
    last_seen: '2026-11-20T23:59:00.000Z',
    usual_per_hour: 150,
    reads: 0,
    writes: 0,
    gaps: [],
    tamper_events: [],
    privileged: 0,
    privileged_traceable: 0,
    traceability: null,
    hourly: [],
    ...over,
  };
}

describe('events-per-hour chart data', () => {
  const trail = scope({
    hourly: [
      { hour: '2026-11-20T00:00:00.000Z', events: 151 },
      { hour: '2026-11-20T05:00:00.000Z', events: 148 },
    ],
    gaps: [{ start: '2026-11-20T01:00:00.000Z', end: '2026-11-20T05:00:00.000Z', expected_events: 600 }],
    tamper_events: [
      { event_id: 'a', time: '2026-11-20T00:41:10.000Z', action: 'StopLogging', principal: 'arn:aws:iam::215738904613:user/ops-automation' },
      { event_id: 'b', time: '2026-11-20T00:43:55.000Z', action: 'DeleteTrail', principal: 'arn:aws:iam::215738904613:user/ops-automation' },
    ],
  });
  const project = scope({ provider: 'gcp', account: 'northwind-prod-4821', region: 'europe-west1', hourly: [{ hour: '2026-11-20T07:00:00.000Z', events: 90 }] });

  it('makes one point per scope and hour, named by scope', () => {
    expect(hourlyPoints([trail, project])).toEqual([
      { time: Date.parse('2026-11-20T00:00:00.000Z'), scope: 'AWS 215738904613 us-east-1', events: 151 },
      { time: Date.parse('2026-11-20T05:00:00.000Z'), scope: 'AWS 215738904613 us-east-1', events: 148 },
      { time: Date.parse('2026-11-20T07:00:00.000Z'), scope: 'Google Cloud northwind-prod-4821 europe-west1', events: 90 },
    ]);
  });

  it('shades each gap over its hours and says what was expected', () => {
    expect(gapSpans([trail, project])).toEqual([
      { x0: Date.parse('2026-11-20T01:00:00.000Z'), x1: Date.parse('2026-11-20T05:00:00.000Z'), details: 'AWS 215738904613 us-east-1: no events for 4 h, about 600 expected' },
    ]);
  });

  it('marks logging changes once per hour', () => {
    const marks = tamperMarks([trail]);
    expect(marks).toHaveLength(1);
    expect(marks[0].time).toBe(Date.parse('2026-11-20T00:00:00.000Z'));
    expect(marks[0].details).toBe('2 logging change(s): StopLogging in AWS 215738904613 us-east-1; DeleteTrail in AWS 215738904613 us-east-1');
  });

  it('spans the hours that have data', () => {
    expect(hourDomain([trail, project])).toEqual({ min: Date.parse('2026-11-20T00:00:00.000Z'), max: Date.parse('2026-11-20T07:00:00.000Z') });
    expect(hourDomain([])).toBeUndefined();
  });
});
