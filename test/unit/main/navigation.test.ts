import { describe, expect, it } from 'vitest';
import {
  isAllowedDownload,
  isAllowedNavigation,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
} from '../../../main/navigation';

describe('isAllowedNavigation', () => {
  it.each(['app://app/index.html', 'app://app/', 'app://app/index.html#/session/abc', 'app://app/x?y=1'])(
    'allows %s',
    (url) => expect(isAllowedNavigation(url)).toBe(true),
  );

  it.each([
    'app://app',
    'app://evil/index.html',
    'app://app.evil.com/',
    'app://app@evil.com/',
    'app://user:pw@app/',
    'app://app:8080/',
    'APP://evil/',
    'https://example.com/',
    'http://127.0.0.1:4455/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://app/123',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedNavigation(url)).toBe(false));

  it('refuses non-strings', () => {
    expect(isAllowedNavigation(undefined)).toBe(false);
    expect(isAllowedNavigation(null)).toBe(false);
    expect(isAllowedNavigation({ toString: () => 'app://app/' })).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://netzerocities.eu/',
    'http://example.org/path?q=1#frag',
    'https://example.org:8443/a',
    'HTTPS://EXAMPLE.ORG/',
  ])('accepts %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'https://user:pass@example.org/',
    'https://user@example.org/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'data:text/html,hi',
    'app://app/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/x',
    'mailto:a@example.org',
    'https:example.org',
    'https:/example.org',
    'https://',
    'https://exa mple.org/',
    ' https://example.org/',
    'https://example.org/\n',
    'https://example.org/\u0000',
    `https://example.org/${'a'.repeat(3000)}`,
    '',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));

  it('refuses non-strings', () => {
    expect(isSafeExternalUrl(42)).toBe(false);
    expect(isSafeExternalUrl(['https://example.org/'])).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('is the app origin only', () => {
    expect(isAppUrl('app://app/index.html')).toBe(true);
    expect(isAppUrl('app://application/')).toBe(false);
  });
});

describe('isAllowedDownload', () => {
  it('allows content the renderer made', () => {
    expect(isAllowedDownload('blob:app://app/6d1f2c3e-0000-4000-8000-000000000000')).toBe(true);
    expect(isAllowedDownload('data:text/csv;base64,YSxi')).toBe(true);
    expect(isAllowedDownload('app://app/assets/template.json')).toBe(true);
  });
  it('refuses remote content', () => {
    expect(isAllowedDownload('https://example.org/file.exe')).toBe(false);
    expect(isAllowedDownload('http://127.0.0.1:4455/x')).toBe(false);
    expect(isAllowedDownload('blob:https://example.org/abc')).toBe(false);
    expect(isAllowedDownload('blob:app://evil/abc')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
    expect(isAllowedDownload(undefined)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb'])(
    'denies %s, even for the app origin',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://app/index.html')).toBe(false);
      expect(isPermissionAllowed(permission, 'https://example.org/')).toBe(false);
      expect(isPermissionAllowed(permission, undefined)).toBe(false);
    },
  );
});
