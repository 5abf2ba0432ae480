/**
 * The host's database: one SQLite file in WAL mode (readers never wait for the detection's writes), brought to the
 * current schema when opened.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { migrate, MIGRATIONS, type Migration } from './migrations';

export type HostDatabase = Database.Database;

export class DatabaseOpenError extends Error {
  constructor(file: string, cause: unknown) {
    const code = (cause as { code?: string }).code;
    const why = code === 'SQLITE_NOTADB' ? 'the file is not a SQLite database' : cause instanceof Error ? cause.message : String(cause);
    super(`cannot open the database ${file}: ${why}`);
    this.name = 'DatabaseOpenError';
  }
}

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): HostDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: HostDatabase | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache: at 100,000 findings the findings table and its indexes (documents aside) stay in memory.
    db.pragma('cache_size = -65536');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    if ((error as Error).name === 'SchemaTooNewError') throw error;
    throw new DatabaseOpenError(file, error);
  }
}

/**
 * Refreshes the planner's statistics of every table whose size changed enough to matter since they were gathered
 * (a no-op otherwise): with them, SQLite picks the window index or a sort index as the query needs.
 */
export function optimizeDatabase(db: HostDatabase): void {
  if (db.open) db.pragma('optimize = 0x10002');
}

/** Lets SQLite refresh its planner statistics, then closes (the WAL is checkpointed into the file). */
export function closeDatabase(db: HostDatabase): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
