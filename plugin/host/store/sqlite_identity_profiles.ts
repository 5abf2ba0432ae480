/**
 * Identity profiles in SQLite: one row per root identity, replaced by each run that saw it; the most active
 * identities first, then by id.
 */
import type { CloudProvider } from '../../../common/audit_event';
import type { IdentityProfile, IdentityProfilesPage, IdentityProfileStore } from '../../../server/store/types';
import type { HostDatabase } from './database';
import { StatementCache } from './statement_cache';

export class SqliteIdentityProfileStore implements IdentityProfileStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: HostDatabase) {
    this.statements = new StatementCache(db);
  }

  async ensureInstalled(): Promise<void> {}

  async write(profiles: IdentityProfile[]): Promise<void> {
    const put = this.statements.get(
      'INSERT OR REPLACE INTO identity_profiles (id, provider, root_id, events, last_seen, search_text, document) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const p of profiles) {
        const lastSeen = Date.parse(p.last_seen);
        put.run(p.id, p.provider, p.root_id, p.events, Number.isFinite(lastSeen) ? lastSeen : 0, p.root_id.toLowerCase(), JSON.stringify(p));
      }
    })();
  }

  async list(query: { providers?: CloudProvider[]; search?: string; page: number; perPage: number }): Promise<IdentityProfilesPage> {
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    if (query.providers?.length) {
      conditions.push(`provider IN (${query.providers.map(() => '?').join(', ')})`);
      params.push(...query.providers);
    }
    const text = query.search?.trim().toLowerCase() ?? '';
    if (text !== '') {
      conditions.push('instr(search_text, ?) > 0');
      params.push(text);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const { total } = this.statements.get(`SELECT COUNT(*) AS total FROM identity_profiles ${where}`).get(...params) as { total: number };
    const rows = this.statements
      .get(`SELECT document FROM identity_profiles ${where} ORDER BY events DESC, id ASC LIMIT ? OFFSET ?`)
      .all(...params, query.perPage, query.page * query.perPage) as { document: string }[];
    return { total, profiles: rows.map((r) => JSON.parse(r.document) as IdentityProfile) };
  }
}
