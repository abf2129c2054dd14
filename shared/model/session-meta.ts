import type * as Y from 'yjs';
import { metaMap, SCHEMA_VERSION } from './doc-roots';
import { LOCAL_ORIGIN } from './origin';

export interface SessionMeta {
  title: string;
  createdAt: number;
  schemaVersion: number;
}

export const MAX_TITLE_LENGTH = 200;

export function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
}

export function initSessionMeta(doc: Y.Doc, init: { title: string; createdAt: number }): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', normaliseTitle(init.title));
    meta.set('createdAt', init.createdAt);
  }, LOCAL_ORIGIN);
}

export function renameSession(doc: Y.Doc, title: string): void {
  const clean = normaliseTitle(title);
  if (!clean) return;
  doc.transact(() => metaMap(doc).set('title', clean), LOCAL_ORIGIN);
}

export function readSessionMeta(doc: Y.Doc): SessionMeta {
  const meta = metaMap(doc);
  const title = meta.get('title');
  const createdAt = meta.get('createdAt');
  const schemaVersion = meta.get('schemaVersion');
  return {
    title: typeof title === 'string' ? title : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
  };
}
