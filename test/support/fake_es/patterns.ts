/** Glob matching for index expressions, source filters and wildcard queries, compiled once per pattern. */

const cache = new Map<string, RegExp>();

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

/** `*` matches any run of characters (dots included), as in index expressions and `_source` filters. */
export function globRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = new RegExp('^' + pattern.split('*').map(escapeRegex).join('.*') + '$', 's');
    cache.set(pattern, re);
  }
  return re;
}

export function globMatch(pattern: string, text: string): boolean {
  return pattern.includes('*') ? globRegex(pattern).test(text) : pattern === text;
}

/** The `wildcard` query's syntax: `*`, `?` and backslash escapes. */
export function wildcardRegex(pattern: string, caseInsensitive: boolean): RegExp {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) body += escapeRegex(pattern[++i]);
    else if (c === '*') body += '.*';
    else if (c === '?') body += '.';
    else body += escapeRegex(c);
  }
  return new RegExp('^' + body + '$', caseInsensitive ? 'is' : 's');
}

export function isPattern(expression: string): boolean {
  return expression.includes('*');
}
