import { strFromU8 } from 'fflate';
import * as Y from 'yjs';
import { addAgendaItem, addBoard, addCluster, addNote, addZone, createSessionContent, setNoteCluster } from '../model';
import { SessionJson } from './session-json';

export type JsonProblem = 'notJson' | 'notSession' | 'newerFormat' | 'tooLarge';

/**
 * A JSON export of the biggest session we measured is a few MB. Checked on the bytes, before they
 * become a string (UTF-16: twice the memory) and a parsed tree (several times more again).
 */
export const MAX_JSON_IMPORT_BYTES = 32 * 1024 * 1024;

/** A JSON export as read from a file (UTF-8, with or without a BOM). */
export function readSessionJsonFile(bytes: Uint8Array): ReturnType<typeof readSessionJson> {
  if (bytes.length > MAX_JSON_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  return readSessionJson(strFromU8(bytes).replace(/^\uFEFF/, ''));
}

/**
 * Reads a JSON export back: validated whole against its schema (sizes and counts capped there)
 * before anything is built. Returns the parsed export or why it was refused.
 */
export function readSessionJson(text: string): { ok: true; json: SessionJson } | { ok: false; problem: JsonProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if ((raw as { format?: unknown } | null)?.format === 'transition-lab-session' && typeof version === 'number' && version > 1) return { ok: false, problem: 'newerFormat' };
  const parsed = SessionJson.safeParse(raw);
  return parsed.success ? { ok: true, json: parsed.data } : { ok: false, problem: 'notSession' };
}

/**
 * A new session doc from a JSON export: boards, zones, clusters, notes (text, colour, place, tags,
 * author) and the agenda. Votes are not carried (the export holds results, not ballots); neither
 * is history. `facilitatorId` becomes the session's facilitator.
 */
export function sessionFromJson(json: SessionJson, init: { now: number; facilitatorId: string; facilitatorName: string }): Y.Doc {
  const doc = new Y.Doc();
  const [first, ...rest] = json.boards;
  const { boardId } = createSessionContent(doc, {
    title: json.session.title,
    firstBoardTitle: first?.title ?? json.session.title,
    now: init.now,
    facilitatorId: init.facilitatorId,
    facilitatorName: init.facilitatorName,
    meta: { date: json.session.date, place: json.session.place, lab: json.session.lab, country: json.session.country, language: json.session.language },
  });
  const boardIds = new Map<string, string>();
  doc.transact(() => {
    if (first) boardIds.set(first.id, boardId);
    for (const b of rest) boardIds.set(b.id, addBoard(doc, { title: b.title, now: init.now, kind: b.template ? 'canvas' : 'free', templateId: b.template }));
    for (const b of json.boards) {
      const target = boardIds.get(b.id)!;
      const zoneIds = new Map(b.zones.map((z, order) => [z.id, addZone(doc, { boardId: target, label: z.label, prompt: z.prompt, rect: z.rect, order })]));
      const clusterIds = new Map(b.clusters.map((c) => [c.id, addCluster(doc, { boardId: target, title: c.title, now: init.now })]));
      b.notes.forEach((n, i) => {
        const id = addNote(doc, {
          boardId: target,
          pos: n.pos,
          size: n.size,
          now: n.createdAt || init.now + i,
          text: n.text,
          colour: n.colour,
          level: n.level,
          actor: n.actor,
          authorName: n.author,
          zoneId: n.zone ? (zoneIds.get(n.zone) ?? null) : null,
        });
        const cluster = n.cluster ? clusterIds.get(n.cluster) : undefined;
        if (cluster) setNoteCluster(doc, id, cluster, init.now);
      });
    }
    for (const a of json.agenda) addAgendaItem(doc, { title: a.title, minutes: a.minutes, boardId: a.board ? (boardIds.get(a.board) ?? null) : null });
  });
  return doc;
}
