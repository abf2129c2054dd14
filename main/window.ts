/** The main window. Its webPreferences come from security.ts; its content from app://. */
import { app, BrowserWindow } from 'electron';
import { APP_INDEX_URL } from '../shared/protocol/app-origin';
import { secureWebPreferences } from './security';

export interface MainWindowOptions {
  preloadPath: string;
}

export function createMainWindow({ preloadPath }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Transition Lab',
    backgroundColor: '#0f3d3e',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}
