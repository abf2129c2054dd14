// Layering rules from docs/architecture.md are enforced here, the way Excalidraw and VS Code do it:
// shared/ is the pure domain, main/ and renderer/ meet only through it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'fs', 'path', 'http', 'https', 'net', 'os', 'crypto', 'url', 'stream', 'child_process',
  'events', 'util', 'zlib', 'worker_threads', 'buffer', 'process', 'dgram', 'dns', 'tls',
];
const nodeBuiltinPatterns = ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)];

// The renderer's rooms (renderer/README.md) and which others each may import. A room not listed
// in another's set is off limits to it; app/ (the routes) is imported by nobody but main.tsx.
const rendererRooms = ['app', 'board', 'facilitation', 'home', 'identity', 'join', 'offline', 'outcomes', 'platform', 'presence', 'session', 'state', 'storage', 'sync', 'ui', 'workshop'];
const rendererMayImport = {
  ui: [], platform: [], storage: [], state: [], offline: [],
  identity: ['storage'],
  workshop: ['identity'],
  presence: ['identity', 'state', 'ui'],
  sync: ['identity', 'platform', 'storage', 'ui'],
  board: ['identity', 'presence', 'state', 'ui', 'workshop'],
  facilitation: ['identity', 'platform', 'presence', 'state', 'sync', 'ui', 'workshop'],
  join: ['identity', 'platform', 'storage', 'ui'],
  outcomes: ['state', 'storage', 'sync', 'ui', 'workshop'],
  home: ['identity', 'join', 'outcomes', 'session', 'storage', 'ui'],
  session: ['board', 'facilitation', 'identity', 'outcomes', 'presence', 'platform', 'state', 'storage', 'sync', 'ui', 'workshop'],
  app: ['home', 'join', 'outcomes', 'session', 'ui'],
};
const rendererBasePatterns = [
  { group: ['**/main/**', '../main', '../../main'], message: 'renderer/ never imports main/; they meet in shared/.' },
  { group: ['electron', 'electron/*', ...nodeBuiltinPatterns], message: 'The renderer runs in a plain browser too.' },
];
function rendererRoomPatterns(room) {
  const allowed = new Set(rendererMayImport[room]);
  return rendererRooms
    .filter((other) => other !== room && !allowed.has(other))
    .map((other) => ({
      // From a room's subfolder (outcomes/coordinator/) the same rooms are one level further up.
      group: [`../${other}`, `../${other}/*`, `../../${other}`, `../../${other}/*`],
      message:
        room === 'board' && other === 'session'
          ? 'board/ never imports session/: read the open session through workshop/ (useWorkshop, useCan).'
          : `renderer/${room}/ may import only ${[...allowed].map((r) => `${r}/`).join(', ') || 'shared/'} of the renderer's rooms (renderer/README.md).`,
    }));
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**', '**/renderer/**', '../../main', '../../renderer'], message: 'shared/ imports nothing of ours outside shared/.' },
          { group: ['react', 'react-dom', 'react/*', 'electron', 'dexie', 'y-dexie', 'zustand', 'ws', ...nodeBuiltinPatterns], message: 'shared/ is pure TypeScript: no DOM, React, Electron, storage or Node built-ins.' },
          { group: ['y-webrtc', 'y-webrtc/*', 'i18next', 'react-i18next', 'qrcode'], message: 'shared/ holds the domain, not transports, UI text machinery or widgets: those belong to renderer/.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'require'],
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'main/ never imports renderer/; they meet in shared/.' }],
      }],
    },
  },
  // main/host/ at any folder depth: climbing exactly to main/ reaches Electron-bound files
  // (security.ts, window.ts…). Lint sees one import at a time; the esbuild test in
  // test/unit/lint/host-bundle.test.ts checks the whole import graph.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`main/host/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**'], message: 'main/ never imports renderer/.' },
          { group: ['electron', 'electron/*'], message: 'main/host/ is plain Node: it runs headless as `npm run host`, without Electron.' },
          { regex: `^(\\.\\./){${depth}}(?!\\.\\./|host/)`, message: 'main/host/ is plain Node: it never imports main/*.ts (Electron-bound), at any depth.' },
        ],
      }],
    },
  })),
  // Document content is reached through shared/model only (its root names, validation, origins).
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['shared/model/**', 'test/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='getMap']",
        message: 'Read and write the doc through shared/model functions, not getMap.',
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', { patterns: rendererBasePatterns }],
    },
  },
  // One block per room: flat config replaces a rule's options, so each repeats the base patterns.
  ...Object.keys(rendererMayImport).map((room) => ({
    files: [`renderer/${room}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererBasePatterns, ...rendererRoomPatterns(room)] }],
    },
  })),
  {
    files: ['scripts/**/*.mjs', 'test/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
