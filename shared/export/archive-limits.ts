/**
 * The archive's outer limits, apart from its reader so that code which only needs the numbers
 * (the desktop app's preload, which checks files the OS opened) does not bundle the reader.
 */
export const ARCHIVE_EXTENSION = 'tlab';
/** A session of many thousands of notes is a few MB; far beyond that is not an archive of ours. */
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
