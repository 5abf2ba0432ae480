/**
 * Prepared statements by their SQL text. Query shapes vary with the filters given (and the length of their lists),
 * so statements are prepared on first use and kept, up to a bound, least recently used first out.
 */
import type { Database, Statement } from 'better-sqlite3';

const MAX_STATEMENTS = 256;

export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly max = MAX_STATEMENTS,
  ) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.max) this.statements.delete(this.statements.keys().next().value as string);
    }
    this.statements.set(sql, statement);
    return statement;
  }
}
