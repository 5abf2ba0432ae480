/**
 * The host's findings in SQLite, with the Elasticsearch store's semantics (server/store/elasticsearch/findings): the
 * same filters, sorts (finding id breaks ties), result window, histogram buckets, and a rewrite keeps the workflow.
 */
import { RunAbortedError } from '../../../server/detection_run';
import { SEVERITIES, type FindingDocument, type Severity } from '../../../common/finding';
import { emptyCounts, histogramInterval } from '../../../server/store/elasticsearch/findings/histogram';
import { summarySize, topPrivilegedActions, topProviderAccounts } from '../../../server/store/elasticsearch/findings/summary';
import { SUMMARY_EVIDENCE_FINDINGS, type SummaryProviderAccount } from '../../../common/api';
import { MAX_RESULT_WINDOW } from '../../../server/routes/validation';
import type { FindingsHistogram, FindingsPage, FindingsQuery, FindingsStore, FindingsSummary, StatusChange, WriteResult } from '../../../server/store/types';
import type { HostDatabase } from './database';
import {
  decodeDocument,
  encodeDocument,
  findingAccounts,
  findingColumns,
  findingTechniques,
  workflowColumns,
  type FindingColumns,
  type WorkflowColumns,
} from './finding_row';
import { findingsOrder, findingsWhere, type FindingsFilter, type SqlValue } from './findings_where';
import { StatementCache } from './statement_cache';

interface DocumentRow extends WorkflowColumns {
  rid: number;
  document: Buffer;
}

const UPSERT = `
INSERT INTO findings (id, risk_score, severity, severity_rank, first_seen, last_seen, event_count, provider, root_identity, search_text,
                      status, status_updated_at, status_updated_by, status_note)
VALUES (@id, @risk_score, @severity, @severity_rank, @first_seen, @last_seen, @event_count, @provider, @root_identity, @search_text,
        @status, @status_updated_at, @status_updated_by, @status_note)
ON CONFLICT (id) DO UPDATE SET
  risk_score = excluded.risk_score, severity = excluded.severity, severity_rank = excluded.severity_rank,
  first_seen = excluded.first_seen, last_seen = excluded.last_seen, event_count = excluded.event_count,
  provider = excluded.provider, root_identity = excluded.root_identity, search_text = excluded.search_text
RETURNING rid`;

export class SqliteFindingsStore implements FindingsStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: HostDatabase) {
    this.statements = new StatementCache(db);
  }

  /** The tables come with the database's migrations. */
  async ensureInstalled(): Promise<void> {}

  async write(findings: FindingDocument[], options: { signal?: AbortSignal } = {}): Promise<WriteResult> {
    if (options.signal?.aborted) throw new RunAbortedError();
    const result: WriteResult = { written: 0, rejected: [] };
    if (findings.length === 0) return result;
    const rows: { f: FindingDocument; columns: FindingColumns; document: Buffer }[] = [];
    for (const f of findings) {
      const columns = findingColumns(f);
      if ('invalid' in columns) result.rejected.push({ id: String(f.cloud_api_abuse?.finding_id ?? ''), reason: columns.invalid });
      else rows.push({ f, columns, document: encodeDocument(f) });
    }
    if (rows.length === 0) throw new Error(`none of ${findings.length} findings could be written (${result.rejected[0]?.reason})`);
    const upsert = this.statements.get(UPSERT);
    const putDocument = this.statements.get('INSERT OR REPLACE INTO finding_documents (rid, document) VALUES (?, ?)');
    const clearAccounts = this.statements.get('DELETE FROM finding_accounts WHERE rid = ?');
    const clearTechniques = this.statements.get('DELETE FROM finding_techniques WHERE rid = ?');
    const addAccount = this.statements.get('INSERT OR IGNORE INTO finding_accounts (account, rid) VALUES (?, ?)');
    const addTechnique = this.statements.get('INSERT OR IGNORE INTO finding_techniques (technique, rid) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const { f, columns, document } of rows) {
        const { rid } = upsert.get({ ...columns, ...workflowColumns(f) }) as { rid: number };
        putDocument.run(rid, document);
        clearAccounts.run(rid);
        clearTechniques.run(rid);
        for (const account of findingAccounts(f)) addAccount.run(account, rid);
        for (const technique of findingTechniques(f)) addTechnique.run(technique, rid);
      }
    })();
    result.written = rows.length;
    return result;
  }

  async list(query: FindingsQuery): Promise<FindingsPage> {
    const offset = query.page * query.perPage;
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(query.perPage) || query.perPage < 0 || offset + query.perPage > MAX_RESULT_WINDOW) {
      throw new RangeError(`page ${query.page} of ${query.perPage} is beyond the first ${MAX_RESULT_WINDOW} findings`);
    }
    const where = findingsWhere(query);
    const { total } = this.statements.get(`SELECT COUNT(*) AS total FROM findings f ${where.sql}`).get(...where.params) as { total: number };
    if (total === 0 || offset >= total || query.perPage === 0) return { total, findings: [] };
    // Only row ids here, so a windowed query is answered from the window index; documents are read for the page alone.
    const page = this.statements
      .get(`SELECT f.rid FROM findings f ${where.sql} ${findingsOrder(query.sort)} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...where.params, query.perPage, offset) as number[];
    return { total, findings: this.documents(page) };
  }

  async histogram(query: FindingsFilter, buckets: number): Promise<FindingsHistogram> {
    const where = findingsWhere(query);
    const range = this.histogramRange(query, where.sql, where.params);
    const { interval, ms } = histogramInterval(range?.from ?? 0, range?.to ?? 0, buckets);
    if (range === undefined) return { interval, buckets: [], bySeverity: emptyCounts() };
    // Buckets aligned to the interval over the range, empty ones included, by when chains started.
    const start = Math.floor(range.from / ms) * ms;
    const end = Math.ceil(range.to / ms) * ms - 1;
    const within = `${where.sql ? `${where.sql} AND` : 'WHERE'} f.first_seen >= ? AND f.first_seen <= ?`;
    const counted = this.statements
      .get(`SELECT CAST((f.first_seen - ?) / ? AS INTEGER) AS bucket, f.severity AS severity, COUNT(*) AS n FROM findings f ${within} GROUP BY bucket, f.severity`)
      .all(start, ms, ...where.params, start, end) as { bucket: number; severity: string; n: number }[];
    const out: FindingsHistogram['buckets'] = [];
    for (let t = start; t <= end; t += ms) out.push({ time: new Date(t).toISOString(), counts: emptyCounts() });
    for (const row of counted) {
      const bucket = out[row.bucket];
      if (bucket && isSeverity(row.severity)) bucket.counts[row.severity] += row.n;
    }
    const totals = this.statements.get(`SELECT f.severity AS severity, COUNT(*) AS n FROM findings f ${where.sql} GROUP BY f.severity`).all(...where.params) as {
      severity: string;
      n: number;
    }[];
    const bySeverity = emptyCounts();
    for (const row of totals) if (isSeverity(row.severity)) bySeverity[row.severity] += row.n;
    return { interval, buckets: out, bySeverity };
  }

  /**
   * The Elasticsearch store's summary (server/store/elasticsearch/findings/summary.ts), the same answer: counts from
   * the indexed columns; identity names and privileged actions from the documents of the riskiest findings, as its
   * top_hits reads them (at most `size` + SUMMARY_EVIDENCE_FINDINGS documents inflated).
   */
  async summary(query: FindingsFilter, size: number): Promise<FindingsSummary> {
    const n = summarySize(size);
    const where = findingsWhere(query);
    const and = where.sql ? `${where.sql} AND` : 'WHERE';
    const { total } = this.statements.get(`SELECT COUNT(*) AS total FROM findings f ${where.sql}`).get(...where.params) as { total: number };
    if (total === 0) return { total, topIdentities: [], topPrivilegedActions: [], privilegedActionsFrom: 0, byProviderAccount: [] };

    const identities = this.statements
      .get(`SELECT f.root_identity AS id, COUNT(*) AS n FROM findings f ${where.sql} GROUP BY f.root_identity ORDER BY n DESC, f.root_identity ASC LIMIT ?`)
      .all(...where.params, n) as { id: string; n: number }[];
    const riskiestOf = this.statements.get(`SELECT f.rid FROM findings f ${and} f.root_identity = ? ORDER BY f.risk_score DESC, f.id ASC LIMIT 1`).pluck();
    const topIdentities = identities.flatMap(({ id, n: count }): FindingsSummary['topIdentities'] => {
      const [riskiest] = this.documents([riskiestOf.get(...where.params, id) as number]);
      if (!riskiest) return [];
      const root = riskiest.cloud_api_abuse.root_identity;
      return [{ id, ...(root.name ? { name: root.name } : {}), provider: root.provider, count, maxRisk: riskiest.kibana.alert.risk_score }];
    });

    const counted = this.statements
      .get(
        `SELECT f.provider AS provider, a.account AS account, f.severity AS severity, COUNT(*) AS n
         FROM findings f JOIN finding_accounts a ON a.rid = f.rid ${where.sql} GROUP BY f.provider, a.account, f.severity`,
      )
      .all(...where.params) as { provider: string; account: string; severity: string; n: number }[];
    const pairs = new Map<string, SummaryProviderAccount>();
    for (const row of counted) {
      const key = JSON.stringify([row.provider, row.account]);
      let pair = pairs.get(key);
      if (!pair) pairs.set(key, (pair = { provider: row.provider as SummaryProviderAccount['provider'], account: row.account, count: 0, bySeverity: emptyCounts() }));
      pair.count += row.n;
      if (isSeverity(row.severity)) pair.bySeverity[row.severity] += row.n;
    }

    const riskiest = this.statements
      .get(`SELECT f.rid FROM findings f ${where.sql} ${findingsOrder({ field: 'risk_score', order: 'desc' })} LIMIT ?`)
      .pluck()
      .all(...where.params, SUMMARY_EVIDENCE_FINDINGS) as number[];
    const evidence = this.documents(riskiest).map((f) => f.cloud_api_abuse.evidence);
    return {
      total,
      topIdentities,
      topPrivilegedActions: topPrivilegedActions(evidence, n),
      privilegedActionsFrom: evidence.length,
      byProviderAccount: topProviderAccounts([...pairs.values()], n),
    };
  }

  async get(id: string): Promise<FindingDocument | undefined> {
    const rid = this.statements.get('SELECT rid FROM findings WHERE id = ?').pluck().get(id) as number | undefined;
    return rid === undefined ? undefined : this.documents([rid])[0];
  }

  async setStatus(change: StatusChange): Promise<{ updated: string[]; missing: string[] }> {
    const ids = [...new Set(change.ids)];
    const updated: string[] = [];
    const missing: string[] = [];
    const update = this.statements.get('UPDATE findings SET status = ?, status_updated_at = ?, status_updated_by = ?, status_note = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) {
        // A status change without a note clears the previous note: it explained an earlier decision.
        const { changes } = update.run(change.status, change.at, change.by, change.note ?? null, id);
        (changes > 0 ? updated : missing).push(id);
      }
    })();
    return { updated, missing };
  }

  /** How many findings are stored. */
  count(): number {
    return (this.statements.get('SELECT COUNT(*) AS n FROM findings').get() as { n: number }).n;
  }

  /** The documents of these findings with their workflow, in the order of `rids`. */
  private documents(rids: number[]): FindingDocument[] {
    if (rids.length === 0) return [];
    const rows = this.statements
      .get(
        `SELECT f.rid, f.status, f.status_updated_at, f.status_updated_by, f.status_note, d.document
         FROM findings f JOIN finding_documents d ON d.rid = f.rid WHERE f.rid IN (${rids.map(() => '?').join(', ')})`,
      )
      .all(...rids) as DocumentRow[];
    const byRid = new Map(rows.map((r) => [r.rid, r]));
    return rids.flatMap((rid) => {
      const row = byRid.get(rid);
      return row ? [decodeDocument(row.document, row)] : [];
    });
  }

  /** The query's [from, to); an open end is closed by the findings themselves. undefined when nothing matches. */
  private histogramRange(query: FindingsFilter, where: string, params: SqlValue[]): { from: number; to: number } | undefined {
    if (query.from !== undefined && query.to !== undefined) return query.to > query.from ? { from: query.from, to: query.to } : undefined;
    const row = this.statements.get(`SELECT MIN(f.first_seen) AS first, MAX(f.first_seen) AS last FROM findings f ${where}`).get(...params) as {
      first: number | null;
      last: number | null;
    };
    if (row.first === null || row.last === null) return undefined;
    const from = query.from ?? row.first;
    const to = query.to ?? row.last + 1;
    return to > from ? { from, to } : undefined;
  }
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
