/** The "network" of a call, the unit of novelty for where a credential is used from. */
import type { EventSource } from '../../common/audit_event';

/** IPv6 to its /48 (first three hextets), expanding `::` just enough. */
function ipv6Prefix(ip: string): string {
  const [head] = ip.split('::');
  const parts = ip.includes('::') ? head.split(':').filter(Boolean) : ip.split(':');
  while (parts.length < 3) parts.push('0');
  return `${parts.slice(0, 3).join(':').toLowerCase()}::/48`;
}

const known = new Map<string, string>();
const MAX_KNOWN = 50_000;

/** IPv4 /24 or IPv6 /48 of the caller; the service name for calls made by a provider service. Cached: callers repeat. */
export function networkOf(source: EventSource): string {
  const key = source.ip ?? source.address;
  if (key === undefined) return 'unknown';
  let network = known.get(key);
  if (network === undefined) {
    network = source.ip ? prefixOf(source.ip) : `svc:${(source.address as string).toLowerCase()}`;
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(key, network);
  }
  return network;
}

function prefixOf(ip: string): string {
  if (ip.includes(':')) return ipv6Prefix(ip);
  const cut = ip.lastIndexOf('.');
  return cut > 0 ? `${ip.slice(0, cut)}.0/24` : ip;
}
