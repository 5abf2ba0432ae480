import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../test_support';
import { closeDatabase, openDatabase } from './database';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from './migrations';

const latest = Math.max(...MIGRATIONS.map((m) => m.version));

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('host database migrations', () => {
  it('creates every table in a new file, in WAL mode, and records each version once', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tables(db)).toEqual(
      expect.arrayContaining(['findings', 'finding_documents', 'finding_accounts', 'finding_techniques', 'identity_profiles', 'automation_config', 'coverage_hours', 'host_state', 'schema_version']),
    );
    expect(db.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    closeDatabase(db);
    // Opening again applies nothing twice.
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(latest);
    expect(again.prepare('SELECT COUNT(*) FROM schema_version').pluck().get()).toBe(MIGRATIONS.length);
    closeDatabase(again);
  });

  it('upgrades a file written by an earlier version and keeps its rows', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    // A host that only knew the first migration wrote this file.
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.prepare(
      "INSERT INTO findings (id, risk_score, severity, severity_rank, first_seen, last_seen, event_count, provider, root_identity, status, search_text) VALUES ('abcdefabcdefabcd', 80, 'high', 73, 1, 2, 3, 'aws', 'arn:aws:iam::1:user/x', 'closed', 'x')",
    ).run();
    expect(schemaVersion(old)).toBe(1);
    expect(tables(old)).not.toContain('identity_profiles');
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latest);
    expect(tables(db)).toContain('identity_profiles');
    expect(db.prepare('SELECT status FROM findings WHERE id = ?').pluck().get('abcdefabcdefabcd')).toBe('closed');
    closeDatabase(db);
  });

  it('applies a later migration to an existing file in order, each in a transaction', () => {
    const file = path.join(tempDir(), 'later.sqlite');
    closeDatabase(openDatabase(file));
    const next: Migration = { version: latest + 1, description: 'a note column', up: (db) => db.exec('ALTER TABLE host_state ADD COLUMN note TEXT') };
    const failing: Migration = {
      version: latest + 2,
      description: 'breaks half-way',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('migration failed');
      },
    };
    expect(() => openDatabase(file, [...MIGRATIONS, failing, next])).toThrow('migration failed');
    const db = new Database(file);
    // The one before the failure stays applied; the failing one left nothing behind.
    expect(schemaVersion(db)).toBe(latest + 1);
    expect(tables(db)).not.toContain('half_done');
    expect((db.prepare('PRAGMA table_info(host_state)').all() as { name: string }[]).map((c) => c.name)).toContain('note');
    db.close();
  });

  it('refuses a file from a newer host, and a file that is not a database, saying so', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const db = new Database(file);
    migrate(db, [...MIGRATIONS, { version: latest + 5, description: 'future', up: () => undefined }]);
    db.close();
    expect(() => openDatabase(file)).toThrow(`schema version ${latest + 5}, newer than this host knows (${latest})`);

    const notDb = path.join(tempDir(), 'notes.sqlite');
    writeFileSync(notDb, 'these are my notes, not a database\n'.repeat(200));
    expect(() => openDatabase(notDb)).toThrow(`cannot open the database ${notDb}: the file is not a SQLite database`);
  });
});

describe('planner statistics', () => {
  it('are gathered by optimize once findings arrive, so windowed lists use the window index', async () => {
    const { openHostStore } = await import('./index');
    const { smallDay } = await import('../test_support');
    const store = openHostStore(path.join(tempDir(), 'stats.sqlite'));
    const { findings } = await smallDay();
    const many = Array.from({ length: 2_000 }, (_, i) => {
      const f = structuredClone(findings[i % findings.length]);
      f.cloud_api_abuse.finding_id = i.toString(16).padStart(16, '0');
      return f;
    });
    await store.findings.write(many);
    store.optimize();
    const stat = store.db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'findings_by_window'").pluck().get() as string | undefined;
    expect(stat?.split(' ')[0]).toBe('2000');
    // The findings page's window over the day: every finding is in it.
    const window = [Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-12-01T00:00:00Z')];
    const plan = (store.db.prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) FROM findings f WHERE f.last_seen >= ? AND f.first_seen < ?').all(...window) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join(' ')).toContain('COVERING INDEX findings_by_window');
    store.close();
  });
});
