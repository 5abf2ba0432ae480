/**
 * What every response carries, and which requests are refused before anything else: the host has no login, so it
 * answers only to names that mean "this machine" (a page on another site that rebinds its own name to 127.0.0.1
 * sends its own name as Host, and is refused), and tells browsers not to frame it, sniff types or leak URLs.
 */
import type { OutgoingHttpHeaders } from 'node:http';

/**
 * EUI styles through emotion, which injects <style> elements at run time: styles need 'unsafe-inline'. Scripts come
 * only from this origin; nothing may frame the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<OutgoingHttpHeaders> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The names a Host header may carry: loopback, and the address the server was bound to when it is a specific one. */
export function allowedHostNames(boundHost: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const bound = boundHost.toLowerCase();
  if (bound !== '0.0.0.0' && bound !== '::' && bound !== '') names.add(bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound);
  return names;
}

/** Host header `name[:port]` whose name is allowed; anything else (absent, another name, garbage) is refused. */
export function isAllowedHost(header: string | undefined, names: ReadonlySet<string>): boolean {
  if (!header) return false;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return m !== null && names.has(m[1].toLowerCase());
}
