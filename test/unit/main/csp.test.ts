import { describe, expect, it } from 'vitest';
import { buildCsp, CONTENT_SECURITY_POLICY, SECURITY_HEADERS, securityHeaders, withSecurityHeaders } from '../../../main/csp';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('Content-Security-Policy', () => {
  const d = directives(CONTENT_SECURITY_POLICY);

  it('has the required directives', () => {
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('font-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval, inline scripts or wildcards', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    for (const sources of d.values()) {
      expect(sources).not.toContain('*');
      expect(sources).not.toContain('https:');
      expect(sources).not.toContain('http:');
      expect(sources).not.toContain('ws:');
      expect(sources).not.toContain('wss:');
    }
  });

  it('connects only to itself and the loopback LAN host', () => {
    const connect = d.get('connect-src') ?? [];
    expect(connect[0]).toBe("'self'");
    for (const source of connect.slice(1)) {
      expect(source).toMatch(/^(ws|http):\/\/(127\.0\.0\.1|localhost):\*$/u);
    }
    // No remote host anywhere in the policy.
    const hosts = CONTENT_SECURITY_POLICY.match(/[a-z]+:\/\/[^\s;:]+/gu) ?? [];
    for (const host of hosts) expect(host).toMatch(/:\/\/(127\.0\.0\.1|localhost)$/u);
  });
});

describe('Content-Security-Policy with allowed LAN hosts', () => {
  const lan = ['http://192.168.1.20:4455', 'http://host.local:4455', 'http://10.0.0.5'];
  const csp = buildCsp(lan);
  const d = directives(csp);
  const base = directives(CONTENT_SECURITY_POLICY);

  it('the default policy is buildCsp() with no hosts', () => {
    expect(buildCsp()).toBe(CONTENT_SECURITY_POLICY);
    expect(buildCsp([])).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds exactly http and ws for each allowed origin to connect-src, nothing else', () => {
    expect(d.get('connect-src')).toEqual([
      ...(base.get('connect-src') ?? []),
      'http://192.168.1.20:4455',
      'ws://192.168.1.20:4455',
      'http://host.local:4455',
      'ws://host.local:4455',
      'http://10.0.0.5:80',
      'ws://10.0.0.5:80',
    ]);
    for (const [name, sources] of base) if (name !== 'connect-src') expect(d.get(name), name).toEqual(sources);
    expect([...d.keys()]).toEqual([...base.keys()]);
  });

  it('never a wildcard, https/wss or a public host, whatever it is given', () => {
    const hostile = buildCsp([
      ...lan,
      '*',
      'http://*',
      'http://*.local:4455',
      'http:',
      'ws:',
      'https://192.168.1.20:4455',
      'wss://192.168.1.20:4455',
      'http://8.8.8.8:80',
      'http://example.com:4455',
      'http://172.32.0.1:4455',
      "http://10.0.0.7:80; script-src 'unsafe-inline'",
      'http://10.0.0.8:80 https:',
      42,
      null,
    ]);
    expect(hostile).toBe(csp);
    const connect = directives(hostile).get('connect-src') ?? [];
    for (const source of connect) {
      expect(source).not.toMatch(/^(https|wss):/u);
      expect(source).not.toMatch(/^(\*|https?:|wss?:)$/u);
    }
    const added = connect.slice((base.get('connect-src') ?? []).length);
    expect(added).toHaveLength(6);
    for (const source of added) {
      expect(source).not.toContain('*');
      expect(source).toMatch(/^(http|ws):\/\/((10|172\.(1[6-9]|2\d|3[01])|192\.168|169\.254)\.[\d.]+|[a-z0-9-]+\.local):\d+$/u);
    }
    expect(hostile).not.toContain('8.8.8.8');
    expect(hostile).not.toContain('example.com');
    expect(hostile).not.toContain('10.0.0.7');
    expect(hostile).not.toContain('10.0.0.8');
    expect(hostile.match(/script-src/gu)).toHaveLength(1);
  });

  it('securityHeaders / withSecurityHeaders carry the extended policy', () => {
    expect(securityHeaders(lan)['Content-Security-Policy']).toBe(csp);
    expect(withSecurityHeaders({}, lan)['Content-Security-Policy']).toEqual([csp]);
    expect(securityHeaders()).toEqual(SECURITY_HEADERS);
  });
});

describe('withSecurityHeaders', () => {
  it('adds our headers and replaces weaker ones whatever their case', () => {
    const out = withSecurityHeaders({
      'content-security-policy': ["default-src *"],
      'Content-Type': 'text/html',
      'X-Other': ['1', '2'],
    });
    expect(out['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['X-Other']).toEqual(['1', '2']);
    for (const name of Object.keys(SECURITY_HEADERS)) expect(out[name]).toHaveLength(1);
  });
  it('handles missing headers', () => {
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});
