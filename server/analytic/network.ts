/** The "network" of a call, the unit of novelty for where a credential is used from. */
import type { EventSource } from '../../common/audit_event';

/** IPv6 to its /48 (first three hextets), expanding `::` just enough. */
function ipv6Prefix(ip: string): string {
  const [head] = ip.split('::');
  const parts = ip.includes('::') ? head.split(':').filter(Boolean) : ip.split(':');
  while (parts.length < 3) parts.push('0');
  return `${parts.slice(0, 3).join(':').toLowerCase()}::/48`;
}

/** IPv4 /24 or IPv6 /48 of the caller; the service name for calls made by a provider service. */
export function networkOf(source: EventSource): string {
  const ip = source.ip;
  if (ip) {
    if (ip.includes(':')) return ipv6Prefix(ip);
    const cut = ip.lastIndexOf('.');
    return cut > 0 ? `${ip.slice(0, cut)}.0/24` : ip;
  }
  if (source.address) return `svc:${source.address.toLowerCase()}`;
  return 'unknown';
}
