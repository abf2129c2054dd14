import { describe, expect, it } from 'vitest';
import { createPolicyInForce, isDocumentRequest } from '../../../main/policy-in-force';

describe('the policy the window was loaded with', () => {
  it('a host in the list but not in the page in front of the person still needs a reload', () => {
    const inForce = createPolicyInForce();
    inForce.documentServed(['http://10.0.0.5:4455'], ['https://hub.example.org']);
    expect(inForce.answer('lan', 'http://10.0.0.5:4455', 'allowed', false)).toBe('allowed');
    // Allowed earlier in this page's life but never loaded with (the join was abandoned).
    expect(inForce.answer('lan', 'http://192.168.1.20:4455', 'allowed', false)).toBe('added');
    expect(inForce.answer('lan', 'http://192.168.1.20:4455', 'added', false)).toBe('added');
    expect(inForce.answer('lan', 'http://8.8.8.8:4455', 'refused', false)).toBe('refused');
    expect(inForce.answer('lan', null, 'refused', false)).toBe('refused');
    // Loopback is in the static policy of every page.
    expect(inForce.answer('lan', 'http://127.0.0.1:4455', 'allowed', true)).toBe('allowed');
    expect(inForce.answer('hub', 'https://hub.example.org', 'allowed', false)).toBe('allowed');
    expect(inForce.answer('hub', 'https://other.example.org', 'allowed', false)).toBe('added');
  });

  it('after the reload the page has it', () => {
    const inForce = createPolicyInForce();
    inForce.documentServed([], []);
    expect(inForce.answer('lan', 'http://192.168.1.20:4455', 'added', false)).toBe('added');
    inForce.documentServed(['http://192.168.1.20:4455'], []);
    expect(inForce.answer('lan', 'http://192.168.1.20:4455', 'allowed', false)).toBe('allowed');
  });

  it('only page loads count, not the scripts and styles they fetch', () => {
    expect(isDocumentRequest('app://app/')).toBe(true);
    expect(isDocumentRequest('app://app/index.html')).toBe(true);
    expect(isDocumentRequest('app://app/index.html#/s/abc')).toBe(true);
    expect(isDocumentRequest('app://app/assets/index-abc.js')).toBe(false);
    expect(isDocumentRequest('app://app/assets/index-abc.css')).toBe(false);
    expect(isDocumentRequest('not a url')).toBe(false);
  });
});
