/**
 * The BrowserWindow webPreferences every window of the app uses. Type-only electron import (erased
 * at build time), so unit tests can check the flags without loading electron.
 */
import type { WebPreferences } from 'electron';

/** `packaged`: an installed build (`app.isPackaged`): no devtools there, only in development. */
export function secureWebPreferences(preloadPath: string, packaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer is untrusted: it shows content typed by any participant in the room.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Spellcheck would download dictionaries from Google's CDN; we load nothing from the internet.
    spellcheck: false,
    // A middle click on a link would otherwise open it in a new window (no navigation, but no need).
    disableBlinkFeatures: 'Auxclick',
    // Devtools in a participant's installed app would let anyone at the keyboard read and rewrite
    // the session's memory (other people's private notes, the join code): development only.
    devTools: !packaged,
  };
}
