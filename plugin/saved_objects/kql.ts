/**
 * The part of Kibana's query language (KQL) the rule and the panels use, parsed the way Kibana's grammar does
 * (`@kbn/es-query` is not published): `field: value`, `field: "quoted value"`, `field: (a or b)`, `field: *`, joined
 * by `and` / `or` / `not` (any case) with parentheses; `and` binds tighter than `or`. Anything else (ranges,
 * wildcards inside values, nested queries, bare terms without a field) is refused: a query that only Kibana could
 * judge would pass here untested. Matching a parsed query against a document is how the tests prove the rule selects
 * every finding and nothing else.
 */

export type KqlNode =
  | { type: 'or'; children: KqlNode[] }
  | { type: 'and'; children: KqlNode[] }
  | { type: 'not'; child: KqlNode }
  | { type: 'match'; field: string; values: string[] }
  | { type: 'exists'; field: string };

export class KqlSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
    this.name = 'KqlSyntaxError';
  }
}

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'quoted'; text: string; at: number }
  | { kind: 'punct'; text: '(' | ')' | ':'; at: number }
  | { kind: 'end'; at: number };

/** Characters KQL treats as syntax outside quotes; a backslash makes any of them literal. */
const SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);
const FIELD = /^[A-Za-z0-9_@][A-Za-z0-9_.@-]*$/;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ':') {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
    } else if (c === '"') {
      const start = i++;
      let text = '';
      while (i < query.length && query[i] !== '"') {
        if (query[i] === '\\') {
          if (i + 1 >= query.length) throw new KqlSyntaxError('dangling escape', i);
          i++;
        }
        text += query[i++];
      }
      if (i >= query.length) throw new KqlSyntaxError('unterminated quoted value', start);
      i++;
      tokens.push({ kind: 'quoted', text, at: start });
    } else if (c === '*' && (i + 1 >= query.length || /[\s)]/.test(query[i + 1]))) {
      tokens.push({ kind: 'word', text: '*', at: i });
      i++;
    } else {
      const start = i;
      let text = '';
      while (i < query.length && !/\s/.test(query[i]) && !(SPECIAL.has(query[i]) && query[i] !== '\\')) {
        if (query[i] === '\\') {
          if (i + 1 >= query.length) throw new KqlSyntaxError('dangling escape', i);
          i++;
        }
        text += query[i++];
      }
      if (text === '') throw new KqlSyntaxError(`unexpected "${c}"`, i);
      tokens.push({ kind: 'word', text, at: start });
    }
  }
  tokens.push({ kind: 'end', at: query.length });
  return tokens;
}

const isKeyword = (t: Token, word: 'and' | 'or' | 'not'): boolean => t.kind === 'word' && t.text.toLowerCase() === word;

/** Parses `query`, or throws KqlSyntaxError naming where it stopped making sense. */
export function parseKql(query: string): KqlNode {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const expect = (text: '(' | ')' | ':'): void => {
    const t = next();
    if (t.kind !== 'punct' || t.text !== text) throw new KqlSyntaxError(`expected "${text}"`, t.at);
  };

  const orQuery = (): KqlNode => {
    const children = [andQuery()];
    while (isKeyword(peek(), 'or')) {
      next();
      children.push(andQuery());
    }
    return children.length === 1 ? children[0] : { type: 'or', children };
  };
  const andQuery = (): KqlNode => {
    const children = [notQuery()];
    while (isKeyword(peek(), 'and')) {
      next();
      children.push(notQuery());
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  };
  const notQuery = (): KqlNode => {
    if (isKeyword(peek(), 'not')) {
      next();
      return { type: 'not', child: subQuery() };
    }
    return subQuery();
  };
  const subQuery = (): KqlNode => {
    const t = peek();
    if (t.kind === 'punct' && t.text === '(') {
      next();
      const inner = orQuery();
      expect(')');
      return inner;
    }
    return fieldQuery();
  };
  const fieldQuery = (): KqlNode => {
    const t = next();
    if (t.kind !== 'word' || !FIELD.test(t.text) || isKeyword(t, 'and') || isKeyword(t, 'or') || isKeyword(t, 'not')) {
      throw new KqlSyntaxError('expected a field name', t.at);
    }
    expect(':');
    const v = peek();
    if (v.kind === 'word' && v.text === '*') {
      next();
      return { type: 'exists', field: t.text };
    }
    if (v.kind === 'punct' && v.text === '(') {
      next();
      const values = [value()];
      while (isKeyword(peek(), 'or')) {
        next();
        values.push(value());
      }
      expect(')');
      return { type: 'match', field: t.text, values };
    }
    return { type: 'match', field: t.text, values: [value()] };
  };
  const value = (): string => {
    const t = next();
    if (t.kind === 'quoted') return t.text;
    if (t.kind === 'word' && t.text !== '*' && !isKeyword(t, 'and') && !isKeyword(t, 'or') && !isKeyword(t, 'not')) return t.text;
    throw new KqlSyntaxError('expected a value', t.at);
  };

  const root = orQuery();
  const end = peek();
  if (end.kind !== 'end') throw new KqlSyntaxError('unexpected text after the query', end.at);
  return root;
}

/** Every field the query names, in order of appearance. */
export function kqlFields(node: KqlNode): string[] {
  switch (node.type) {
    case 'or':
    case 'and':
      return [...new Set(node.children.flatMap(kqlFields))];
    case 'not':
      return kqlFields(node.child);
    default:
      return [node.field];
  }
}

/** The values at a dotted path, through objects and arrays, as Elasticsearch flattens `_source` for matching. */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    current = current.flatMap((v) => (Array.isArray(v) ? v : [v])).flatMap((v) => (v !== null && typeof v === 'object' && part in v ? [(v as Record<string, unknown>)[part]] : []));
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== null && v !== undefined);
}

/** Whether a document matches, for keyword fields (exact values) as the rule and panels use them. */
export function matchesKql(node: KqlNode, doc: unknown): boolean {
  switch (node.type) {
    case 'or':
      return node.children.some((c) => matchesKql(c, doc));
    case 'and':
      return node.children.every((c) => matchesKql(c, doc));
    case 'not':
      return !matchesKql(node.child, doc);
    case 'exists':
      return valuesAt(doc, node.field).length > 0;
    case 'match': {
      const values = valuesAt(doc, node.field).map(String);
      return node.values.some((v) => values.includes(v));
    }
  }
}
