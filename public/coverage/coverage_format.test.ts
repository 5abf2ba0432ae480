import { formatHours, formatTime, longestGapHours, percent, problemWhere, scopeLabel, traceabilityColor } from './coverage_format';

describe('coverage formatting', () => {
  it('names a scope by provider, account and region', () => {
    expect(scopeLabel({ provider: 'aws', account: '482913750264', region: 'us-east-1' })).toBe('AWS 482913750264 us-east-1');
    expect(problemWhere({ kind: 'no_reads', severity: 'warning', provider: 'aws', text: '', fix: '' })).toBe('AWS');
    expect(problemWhere({ kind: 'gap', severity: 'warning', provider: 'gcp', account: 'northwind-prod-4821', region: 'europe-west1', text: '', fix: '' })).toBe(
      'Google Cloud · northwind-prod-4821 · europe-west1',
    );
  });

  it('shows shares as whole percents and a dash when nothing privileged happened', () => {
    expect(percent(0.074)).toBe('7%');
    expect(percent(null)).toBe('–');
    expect([traceabilityColor(0.9), traceabilityColor(0.6), traceabilityColor(0.07), traceabilityColor(null)]).toEqual(['success', 'warning', 'danger', 'subdued']);
  });

  it('measures the longest gap in hours and says days past two of them', () => {
    const gaps = [
      { start: '2026-11-20T02:00:00.000Z', end: '2026-11-20T05:00:00.000Z' },
      { start: '2026-11-18T00:00:00.000Z', end: '2026-11-20T01:00:00.000Z' },
    ];
    expect(longestGapHours(gaps)).toBe(49);
    expect(formatHours(49)).toBe('2 d 1 h');
    expect(formatHours(3)).toBe('3 h');
    expect(longestGapHours([])).toBe(0);
  });

  it('tells times in UTC whatever the browser zone', () => {
    expect(formatTime('2026-11-20T14:05:09.000Z')).toBe('Nov 20, 2026 14:05 UTC');
  });
});
