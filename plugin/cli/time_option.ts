/** Parses --since/--until: an ISO 8601 date or time, or a duration back from now such as 24h, 7d, 90m. */
export function parseTimeOption(value: string, now: number = Date.now()): number {
  const rel = /^(\d+)\s*(m|h|d)$/.exec(value.trim());
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2] === 'm' ? 60_000 : rel[2] === 'h' ? 3_600_000 : 86_400_000;
    return now - n * unit;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) throw new Error(`"${value}" is not a time: use ISO 8601 (2026-11-20 or 2026-11-20T13:00:00Z) or a duration (90m, 24h, 7d)`);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new Error(`"${value}" is not a valid date`);
  return t;
}
