import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, withSecurityHeaders } from '../../../main/csp';

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
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
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
