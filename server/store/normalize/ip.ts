/** IP literal tests without regular expressions (they run once per event). */

export function isIpv4(s: string): boolean {
  const len = s.length;
  if (len < 7 || len > 15) return false;
  let parts = 0;
  let value = 0;
  let digitsInPart = 0;
  for (let i = 0; i <= len; i++) {
    const c = i === len ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (digitsInPart === 0 || value > 255) return false;
      parts++;
      value = 0;
      digitsInPart = 0;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (++digitsInPart > 3) return false;
    } else {
      return false;
    }
  }
  return parts === 4;
}

export function isIpv6(s: string): boolean {
  const len = s.length;
  if (len < 2 || len > 45) return false;
  let colons = 0;
  let doubleColon = false;
  let groupLength = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      colons++;
      if (i > 0 && s.charCodeAt(i - 1) === 58) {
        if (doubleColon) return false;
        doubleColon = true;
      }
      groupLength = 0;
    } else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) {
      if (++groupLength > 4) return false;
    } else if (c === 46) {
      // IPv4-mapped tail, e.g. ::ffff:10.0.0.1
      const tail = s.slice(s.lastIndexOf(':') + 1);
      return colons >= 2 && isIpv4(tail);
    } else {
      return false;
    }
  }
  return colons >= 2 && colons <= 7 && (doubleColon || colons === 7);
}

export function isIpLiteral(s: string): boolean {
  return isIpv4(s) || isIpv6(s);
}

/**
 * The IP of a caller address that may carry a port (Azure storage logs: `5.5.5.5:28915`, `[2001:db8::1]:443`),
 * or undefined when the address is not an IP literal.
 */
export function ipOfAddress(s: string): string | undefined {
  if (isIpLiteral(s)) return s;
  if (s.charCodeAt(0) === 91) {
    const end = s.indexOf(']');
    const inner = end > 0 ? s.slice(1, end) : '';
    return isIpv6(inner) ? inner : undefined;
  }
  const colon = s.indexOf(':');
  if (colon > 0 && colon === s.lastIndexOf(':')) {
    const host = s.slice(0, colon);
    return isIpv4(host) ? host : undefined;
  }
  return undefined;
}
