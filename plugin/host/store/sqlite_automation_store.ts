/**
 * The expected-automation file in SQLite: validated with the CLI's schema on the way in and out, with who saved it
 * and when. The scheduler reads its version to know when findings must be recomputed.
 */
import { compileAutomation, expectedAutomationSchema, type ExpectedAutomation, type ExpectedAutomationFile } from '../../../server/analytic/automation';
import type { AutomationConfigStore } from '../../../server/store/types';
import type { HostDatabase } from './database';

interface StoredAutomation {
  config: string;
  updated_by: string;
  updated_at: string;
}

export class SqliteAutomationStore implements AutomationConfigStore {
  constructor(
    private readonly db: HostDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(): Promise<ExpectedAutomationFile> {
    const row = this.stored();
    return expectedAutomationSchema.parse(row ? JSON.parse(row.config) : {});
  }

  async put(config: ExpectedAutomationFile, by: string): Promise<void> {
    const valid = expectedAutomationSchema.parse(config);
    this.db
      .prepare('INSERT OR REPLACE INTO automation_config (id, config, updated_by, updated_at) VALUES (1, ?, ?, ?)')
      .run(JSON.stringify(valid), by, this.now().toISOString());
  }

  /** Who saved the file and when; undefined while the default (empty) file applies. */
  saved(): { by: string; at: string } | undefined {
    const row = this.stored();
    return row ? { by: row.updated_by, at: row.updated_at } : undefined;
  }

  /** What the analytic takes; undefined when nothing is expected. */
  async compiled(): Promise<ExpectedAutomation | undefined> {
    const file = await this.get();
    return file.expected_automation.length ? compileAutomation(file) : undefined;
  }

  private stored(): StoredAutomation | undefined {
    return this.db.prepare('SELECT config, updated_by, updated_at FROM automation_config WHERE id = 1').get() as StoredAutomation | undefined;
  }
}
