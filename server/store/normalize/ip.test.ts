import { ipOfAddress, isIpLiteral, isIpv4, isIpv6 } from './ip';

describe('IP literals', () => {
  it('accepts IPv4 and IPv6 addresses', () => {
    expect(isIpv4('192.168.10.20')).toBe(true);
    expect(isIpv4('0.0.0.0')).toBe(true);
    expect(isIpv6('2001:db8::1')).toBe(true);
    expect(isIpv6('::1')).toBe(true);
    expect(isIpv6('::ffff:10.0.0.1')).toBe(true);
    expect(isIpv6('2001:0db8:0000:0000:0000:ff00:0042:8329')).toBe(true);
  });

  it('rejects caller names that CloudTrail and GCP log instead of an IP', () => {
    for (const name of ['ec2.amazonaws.com', 'AWS Internal', 'private', 'gce-internal-ip', 'redacted', '256.1.1.1', '1.2.3', '1.2.3.4.5', ':::', '2001:db8::1::2']) {
      expect(isIpLiteral(name)).toBe(false);
    }
  });

  it('takes the IP out of an address with a port (Azure storage logs)', () => {
    expect(ipOfAddress('5.5.5.5:28915')).toBe('5.5.5.5');
    expect(ipOfAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(ipOfAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(ipOfAddress('host.example:80')).toBeUndefined();
  });
});
