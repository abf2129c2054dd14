import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../main/web-preferences';

describe('secureWebPreferences', () => {
  it('locks the renderer down', () => {
    const prefs = secureWebPreferences('/app/dist/main/preload.cjs', true);
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('has devtools only in development, never in an installed build', () => {
    expect(secureWebPreferences('/p', true).devTools).toBe(false);
    expect(secureWebPreferences('/p', false).devTools).toBe(true);
  });
});
