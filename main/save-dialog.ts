import path from 'node:path';

/**
 * Options for the native Save dialog an export opens in the desktop app. The renderer hands
 * Chromium a file it built (a blob: URL named `<session title> <date>.<ext>`); Electron then asks
 * where to save it — never writes silently — starting in the Downloads folder with that name and
 * the file's type as the filter, so "Save" keeps the right extension.
 */
const TYPES: Record<string, string> = {
  pdf: 'PDF',
  xlsx: 'Excel',
  csv: 'CSV',
  md: 'Markdown',
  json: 'JSON',
  png: 'PNG',
  tlab: 'Transition Lab',
};

export interface SaveDialogOptions {
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export function saveDialogOptions(suggestedName: string, downloadsDir: string): SaveDialogOptions {
  // Only a file name: a crafted name cannot point the dialog at another folder.
  const name = path.basename(suggestedName.replace(/\\/g, '/')).replace(/^\.+/, '') || 'export';
  const ext = path.extname(name).slice(1).toLowerCase();
  const type = TYPES[ext];
  return {
    defaultPath: path.join(downloadsDir, name),
    filters: type ? [{ name: type, extensions: [ext] }] : [],
  };
}
