import { networkOf } from './network';

describe('networkOf', () => {
  it('groups IPv4 callers by /24 so a laptop moving inside the office stays on one network', () => {
    expect(networkOf({ ip: '192.168.10.20' })).toBe('192.168.10.0/24');
    expect(networkOf({ ip: '192.168.10.99' })).toBe(networkOf({ ip: '192.168.10.20' }));
    expect(networkOf({ ip: '192.168.11.20' })).not.toBe(networkOf({ ip: '192.168.10.20' }));
  });
  it('groups IPv6 callers by /48, compressed or not', () => {
    expect(networkOf({ ip: '2001:db8:abcd:12::1' })).toBe('2001:db8:abcd::/48');
    expect(networkOf({ ip: '2001:db8::1' })).toBe('2001:db8:0::/48');
  });
  it('names provider services instead of an IP', () => {
    expect(networkOf({ address: 'ec2.amazonaws.com' })).toBe('svc:ec2.amazonaws.com');
    expect(networkOf({})).toBe('unknown');
  });
});
