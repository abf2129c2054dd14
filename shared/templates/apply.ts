import type * as Y from 'yjs';
import {
  addBoard,
  addCluster,
  addNote,
  addZone,
  getBoard,
  listClusters,
  listNotes,
  listZones,
  LOCAL_ORIGIN,
  noteText,
  randomId,
  setNoteTags,
  templatesMap,
  mutate,
} from '../model';
import { inLanguage } from './words';
import { parseTemplate, type Template } from './schema';

/** A new board built from a template: its zones labelled and prompted in the session's language. */
export function addBoardFromTemplate(doc: Y.Doc, template: Template, opts: { language: string; now: number; title?: string }): string {
  let boardId = '';
  doc.transact(() => {
    boardId = addBoard(doc, { title: opts.title ?? inLanguage(template.title, opts.language), kind: template.kind, now: opts.now, templateId: template.id });
    template.zones.forEach((z, order) =>
      addZone(doc, { boardId, label: inLanguage(z.label, opts.language), prompt: inLanguage(z.prompt, opts.language), rect: z.rect, order }),
    );
  }, LOCAL_ORIGIN);
  return boardId;
}

/**
 * A copy of a board with its zones, notes (text, colour, place, size, tags) and clusters; the
 * copy's notes keep their authors. Votes and deleted things are not copied.
 */
export function duplicateBoard(doc: Y.Doc, boardId: string, opts: { title: string; now: number }): string | null {
  const board = getBoard(doc, boardId);
  if (!board || board.deletedAt !== null) return null;
  let copyId = '';
  doc.transact(() => {
    copyId = addBoard(doc, { title: opts.title, kind: board.kind, now: opts.now, templateId: board.templateId });
    const zoneIds = new Map<string, string>();
    for (const z of listZones(doc, boardId)) zoneIds.set(z.id, addZone(doc, { boardId: copyId, label: z.label, prompt: z.prompt, rect: z.rect, order: z.order }));
    const clusterOf = new Map<string, string[]>();
    for (const n of listNotes(doc, boardId)) {
      const id = addNote(doc, {
        boardId: copyId,
        pos: n.pos,
        size: n.size,
        text: noteText(doc, n.id)?.toString() ?? n.text,
        colour: n.colour,
        now: opts.now,
        authorId: n.authorId,
        authorName: n.authorName,
        zoneId: n.zoneId === null ? null : (zoneIds.get(n.zoneId) ?? null),
      });
      if (n.level || n.actor) setNoteTags(doc, id, { level: n.level, actor: n.actor }, opts.now);
      if (n.clusterId) clusterOf.set(n.clusterId, [...(clusterOf.get(n.clusterId) ?? []), id]);
    }
    for (const c of listClusters(doc, boardId)) {
      const members = clusterOf.get(c.id);
      if (members) addCluster(doc, { boardId: copyId, title: c.title, now: opts.now, noteIds: members });
    }
  }, LOCAL_ORIGIN);
  return copyId;
}

/**
 * A board's zones as a template (the facilitator's own), with its zones' words in both languages
 * as they are on the board: a custom template speaks the language it was made in.
 */
export function templateFromBoard(doc: Y.Doc, boardId: string, title: string, description: string): Template | null {
  const board = getBoard(doc, boardId);
  if (!board) return null;
  const zones = listZones(doc, boardId);
  const minX = Math.min(0, ...zones.map((z) => z.rect.x));
  const minY = Math.min(0, ...zones.map((z) => z.rect.y));
  const both = (s: string) => ({ en: s, pl: s });
  const clean = title.trim() || board.title;
  return parseTemplate({
    id: `custom-${randomId(64).toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 20)}`,
    title: both(clean),
    description: both(description.trim() || clean),
    kind: zones.length > 0 ? 'canvas' : 'free',
    zones: zones.map((z) => ({ label: both(z.label || '—'), prompt: both(z.prompt), rect: { x: z.rect.x - minX, y: z.rect.y - minY, w: Math.max(120, z.rect.w), h: Math.max(120, z.rect.h) } })),
  });
}

/** Puts a custom template into the session, so everyone's gallery shows it. */
export function shareTemplate(doc: Y.Doc, template: Template): void {
  mutate(doc, () => templatesMap(doc).set(template.id, template));
}

/** The session's custom templates; anything a peer wrote that is not a valid template is skipped. */
export function sessionTemplates(doc: Y.Doc): Template[] {
  const out: Template[] = [];
  templatesMap(doc).forEach((value) => {
    try {
      out.push(parseTemplate(value));
    } catch {
      // Not a template (an older or a misbehaving peer): not offered.
    }
  });
  return out.sort((a, b) => a.title.en.localeCompare(b.title.en) || a.id.localeCompare(b.id));
}
