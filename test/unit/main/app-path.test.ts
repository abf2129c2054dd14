import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../main/app-path';

const root = path.resolve('/srv/tl/dist/renderer');
const at = (...segments: string[]) => path.join(root, ...segments);

describe('resolveAppPath', () => {
  it('maps bundle URLs to files inside the root', () => {
    expect(resolveAppPath(root, 'app://app/index.html')).toBe(at('index.html'));
    expect(resolveAppPath(root, 'app://app/assets/index-AbC_12.js')).toBe(at('assets', 'index-AbC_12.js'));
    expect(resolveAppPath(root, 'app://app/assets/a.css?v=3#x')).toBe(at('assets', 'a.css'));
    expect(resolveAppPath(root, 'app://app/fonts/Noto%20Sans.woff2')).toBe(at('fonts', 'Noto Sans.woff2'));
  });

  it('serves index.html for the origin itself', () => {
    expect(resolveAppPath(root, 'app://app/')).toBe(at('index.html'));
    expect(resolveAppPath(root, 'app://app/#/join/abc?code=x')).toBe(at('index.html'));
  });

  it.each([
    'app://app/../secret.txt',
    'app://app/assets/../../secret.txt',
    'app://app/./index.html',
    'app://app/..',
    'app://app/%2e%2e/secret.txt',
    'app://app/%2E%2E/secret.txt',
    'app://app/.%2e/secret.txt',
    'app://app/%2e/index.html',
    'app://app/assets%2f..%2f..%2fsecret',
    'app://app/assets%2F..%2Fsecret',
    'app://app/..%5csecret',
    'app://app/..\\secret',
    'app://app/assets\\index.js',
    'app://app/index.html%00.png',
    'app://app/index.html\u0000.png',
    'app://app/%252e%252e/secret',
    'app://app/assets/%0a.js',
    'app://app/C:/Windows/win.ini',
    'app://app/C%3A/Windows/win.ini',
    'app://app//etc/passwd',
    'app://app/assets/',
    'app://app/.env',
    'app://app/index.html.',
    'app://app/index.html%20',
    'app://app/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('ignores dot segments in the query or fragment (never part of the path)', () => {
    expect(resolveAppPath(root, 'app://app/a.js?b/../../x')).toBe(at('a.js'));
    expect(resolveAppPath(root, 'app://app/a.js#/../../x')).toBe(at('a.js'));
  });

  it('refuses other origins and schemes', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://app.evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'https://app/index.html')).toBeNull();
    expect(resolveAppPath(root, '')).toBeNull();
  });

  it('refuses very long paths and a relative root', () => {
    expect(resolveAppPath(root, `app://app/${'a'.repeat(2000)}`)).toBeNull();
    expect(resolveAppPath('relative/root', 'app://app/index.html')).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2E', '%2f', '%5c', '\\', '/', 'a', '%', '%25', '%00', 'index.html', ':', '~'];
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 5000; i += 1) {
      let tail = '';
      const n = 1 + Math.floor(rand() * 8);
      for (let j = 0; j < n; j += 1) tail += pieces[Math.floor(rand() * pieces.length)];
      const resolved = resolveAppPath(root, `app://app/${tail}`);
      if (resolved !== null) {
        const rel = path.relative(root, resolved);
        expect(rel.startsWith('..') || path.isAbsolute(rel) || rel === '').toBe(false);
      }
    }
  });
});
