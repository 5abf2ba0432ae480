/** Small JSON values the host keeps between restarts (the scheduler's last run, the cluster checkpoints). */
import type { HostDatabase } from './database';

export class HostStateStore {
  constructor(private readonly db: HostDatabase) {}

  get<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM host_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(key: string, value: unknown): void {
    this.db.prepare('INSERT OR REPLACE INTO host_state (key, value) VALUES (?, ?)').run(key, JSON.stringify(value));
  }
}
