/**
 * `<session title> <date>.<ext>`, safe on every file system: characters Windows, macOS or Linux
 * refuse in names become spaces; Polish letters stay.
 */
export function exportFileName(title: string, date: string, extension: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = title.replace(/[\u0000-\u001f<>:"/\\|?*\u007f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120) || 'session';
  return `${safe} ${date}.${extension}`;
}
