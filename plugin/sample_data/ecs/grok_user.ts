/**
 * The Azure pipelines' grok `%{USERNAME:user.name}@%{HOSTNAME:user.domain}` (unanchored, as grok is), with the
 * USERNAME and HOSTNAME definitions of Elasticsearch's grok library.
 */
const USER_AT_HOST =
  /([a-zA-Z0-9._-]+)@(\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*(?:\.?|\b))/;

export function userOfName(value: string): { name: string; domain: string } | undefined {
  const m = USER_AT_HOST.exec(value);
  return m === null ? undefined : { name: m[1], domain: m[2] };
}
