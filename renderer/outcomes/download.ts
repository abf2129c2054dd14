/**
 * Hands a file the app made to the person: a download in a browser; in the desktop app Electron
 * turns the same blob download into the native save dialog (main/security.ts allows only blob:
 * downloads of the app's own origin).
 */
export function downloadFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the blob once the click is handled; let go of it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
