import { describe, expect, it } from 'vitest';
import { hubConnectSources, hubDocumentName, parseHubAddress, parseHubDocumentName, parseHubToken } from '../../../shared/protocol/hub';

describe('hub protocol', () => {
  it('reads a hub address as people type it, and refuses what it would have to guess', () => {
    expect(parseHubAddress('hub.example.org')).toEqual({ origin: 'https://hub.example.org', websocket: 'wss://hub.example.org' });
    expect(parseHubAddress(' https://hub.example.org:8443/ ')).toEqual({ origin: 'https://hub.example.org:8443', websocket: 'wss://hub.example.org:8443' });
    expect(parseHubAddress('http://127.0.0.1:4460')).toEqual({ origin: 'http://127.0.0.1:4460', websocket: 'ws://127.0.0.1:4460' });
    for (const bad of ['', 'ftp://hub.example.org', 'https://hub.example.org/path', 'https://user:pw@hub.example.org', 'https://hub.example.org/?a=1', 'javascript:alert(1)', 'https://hub example']) {
      expect(parseHubAddress(bad), bad).toBeNull();
    }
  });

  it('allows exactly the hub origins in a CSP, nothing that could smuggle another source in', () => {
    expect(hubConnectSources(['https://hub.example.org', 'http://127.0.0.1:4460'])).toEqual([
      'https://hub.example.org',
      'wss://hub.example.org',
      'http://127.0.0.1:4460',
      'ws://127.0.0.1:4460',
    ]);
    expect(hubConnectSources(["https://a.org 'unsafe-inline'", 'https://b.org; script-src *', '*'])).toEqual([]);
  });

  it('parses tokens and document names strictly', () => {
    const secret = 'a'.repeat(43);
    expect(parseHubToken(` lab.L1.${secret} `)).toEqual({ kind: 'lab', id: 'L1', secret });
    expect(parseHubToken(`coord.C_9.${secret}`)?.kind).toBe('coord');
    for (const bad of [`admin.L1.${secret}`, `lab.L1.short`, `lab..${secret}`, `lab.L1.${secret}.x`, `lab.a/b.${secret}`]) expect(parseHubToken(bad), bad).toBeNull();
    expect(parseHubDocumentName(hubDocumentName('L1', 'S-2'))).toEqual({ labId: 'L1', sessionId: 'S-2' });
    for (const bad of ['L1', 'L1/', '/S', 'L1/S/x', 'L1/../S', '../L1/S']) expect(parseHubDocumentName(bad), bad).toBeNull();
  });
});
