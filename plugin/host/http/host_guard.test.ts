import { allowedHostNames, isAllowedHost } from './host_guard';

describe('Host header check', () => {
  it('allows loopback names with any port, and the address the server was bound to', () => {
    const loopback = allowedHostNames('127.0.0.1');
    for (const host of ['localhost', 'localhost:5602', '127.0.0.1:5602', '[::1]:5602', 'LocalHost:1']) expect([host, isAllowedHost(host, loopback)]).toEqual([host, true]);
    const lan = allowedHostNames('192.168.1.20');
    expect(isAllowedHost('192.168.1.20:5602', lan)).toBe(true);
    expect(isAllowedHost('192.168.1.20:5602', loopback)).toBe(false);
    expect(isAllowedHost('[fe80::1]:5602', allowedHostNames('fe80::1'))).toBe(true);
    // A wildcard bind names no host: only loopback names pass.
    expect([...allowedHostNames('0.0.0.0')].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
  });

  it('refuses other names, look-alikes and malformed headers', () => {
    const names = allowedHostNames('127.0.0.1');
    for (const host of [undefined, '', 'evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'localhost:5602:1', 'localhost:abc', 'user@localhost', '::1', 'localhost:123456']) {
      expect([host, isAllowedHost(host, names)]).toEqual([host, false]);
    }
  });
});
