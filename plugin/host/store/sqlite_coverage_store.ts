/**
 * The coverage page's source in folder mode: each detection run over the folder stores its coverage hour by hour
 * (replacing the previous run's, since every run reads the whole folder), and a range is answered from the hours it
 * touches. Approximation: an hour that straddles `from` or `to` counts whole, so a range's edges are rounded out to
 * the hour; within whole hours the report equals the CLI's coverage over the same events.
 */
import type { CoverageReport } from '../../../common/coverage';
import { HOUR } from '../../../server/analytic/coverage';
import type { CoverageSource } from '../../../server/store/types';
import type { HostDatabase } from './database';
import { reportOfHours, type CoverageHour } from './hourly_coverage';

export class SqliteCoverageStore implements CoverageSource {
  constructor(private readonly db: HostDatabase) {}

  /** Replaces every stored hour with the hours of the latest run. */
  replace(hours: readonly CoverageHour[]): void {
    const put = this.db.prepare('INSERT INTO coverage_hours (hour, summary) VALUES (?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM coverage_hours').run();
      for (const h of hours) put.run(h.hour, JSON.stringify(h));
    })();
  }

  async report(range: { from: number; to: number }): Promise<CoverageReport> {
    const rows = this.db
      .prepare('SELECT summary FROM coverage_hours WHERE hour >= ? AND hour < ? ORDER BY hour')
      .all(Math.floor(range.from / HOUR), Math.ceil(range.to / HOUR)) as { summary: string }[];
    return reportOfHours(rows.map((r) => JSON.parse(r.summary) as CoverageHour));
  }
}
