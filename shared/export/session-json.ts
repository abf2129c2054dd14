import { z } from 'zod';
import { ACTOR_TYPES, AGENDA_STATUSES, GOVERNANCE_LEVELS, NOTE_COLOURS, type SessionContent } from '../model';
import { closedVotes } from './note-rows';

/**
 * The JSON export: the session as plain, versioned data for other tools. `SessionJson` is the
 * schema (zod); `session.schema.json` beside this file is generated from it (the unit tests keep
 * the two equal), for readers that do not run TypeScript.
 */
export const SESSION_JSON_FORMAT = 'transition-lab-session';
export const SESSION_JSON_VERSION = 1;

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(128);
const coordinate = z.number().min(-1_000_000).max(1_000_000);
const extent = z.number().min(1).max(1_000_000);

export const SessionJson = z.object({
  format: z.literal(SESSION_JSON_FORMAT),
  version: z.literal(SESSION_JSON_VERSION),
  exportedAt: z.iso.datetime(),
  session: z.object({
    id,
    title: text(200),
    date: text(10),
    place: text(200),
    lab: text(200),
    country: text(2),
    language: text(16),
  }),
  boards: z
    .array(
      z.object({
        id,
        title: text(200),
        /** The template the canvas was made from, if any (shared/templates ids). */
        template: text(64).nullable(),
        zones: z.array(z.object({ id, label: text(200), prompt: text(500), rect: z.object({ x: coordinate, y: coordinate, w: extent, h: extent }) })).max(500),
        clusters: z.array(z.object({ id, title: text(200) })).max(5_000),
        notes: z
          .array(
            z.object({
              id,
              text: text(2_000),
              colour: z.enum(NOTE_COLOURS),
              pos: z.object({ x: coordinate, y: coordinate }),
              size: z.object({ w: extent, h: extent }),
              zone: id.nullable(),
              cluster: id.nullable(),
              level: z.enum(GOVERNANCE_LEVELS).nullable(),
              actor: z.enum(ACTOR_TYPES).nullable(),
              votes: z.number().int().min(0),
              author: text(100),
              createdAt: z.number().int().min(0),
            }),
          )
          .max(50_000),
      }),
    )
    .max(500),
  agenda: z.array(z.object({ title: text(200), minutes: z.number().int().min(0), status: z.enum(AGENDA_STATUSES), board: id.nullable() })).max(500),
  votingRounds: z
    .array(
      z.object({
        id,
        title: text(200),
        anonymous: z.boolean(),
        results: z.array(z.object({ note: id, votes: z.number().int().min(0) })),
      }),
    )
    .max(500),
});
export type SessionJson = z.infer<typeof SessionJson>;

/** The closed rounds' results, the agenda and every board's zones, clusters and (revealed) notes. */
export function sessionJson(content: SessionContent, init: { sessionId: string; now: number }): SessionJson {
  const votes = closedVotes(content);
  const { meta } = content;
  const shown = new Set(content.boards.flatMap((b) => b.notes.filter((n) => !n.private).map((n) => n.id)));
  return {
    format: SESSION_JSON_FORMAT,
    version: SESSION_JSON_VERSION,
    exportedAt: new Date(init.now).toISOString(),
    session: { id: init.sessionId, title: meta.title, date: meta.date, place: meta.place, lab: meta.lab, country: meta.country, language: meta.language },
    boards: content.boards.map(({ board, zones, clusters, notes }) => ({
      id: board.id,
      title: board.title,
      template: board.templateId,
      zones: zones.map((z) => ({ id: z.id, label: z.label, prompt: z.prompt, rect: z.rect })),
      clusters: clusters.map((c) => ({ id: c.id, title: c.title })),
      notes: notes
        .filter((n) => shown.has(n.id))
        .map((n) => ({
          id: n.id,
          text: n.text,
          colour: n.colour,
          pos: { x: n.pos.x, y: n.pos.y },
          size: n.size,
          zone: n.zoneId,
          cluster: n.clusterId,
          level: n.level,
          actor: n.actor,
          votes: votes.get(n.id) ?? 0,
          author: n.authorName,
          createdAt: Math.max(0, Math.round(n.createdAt)),
        })),
    })),
    agenda: content.agenda.map((a) => ({ title: a.title, minutes: a.minutes, status: a.status, board: a.boardId })),
    votingRounds: content.rounds
      .filter((r) => r.round.status === 'closed' && r.round.deletedAt === null)
      .map(({ round, totals }) => ({
        id: round.id,
        title: round.title,
        anonymous: round.anonymous,
        results: totals.filter((t) => shown.has(t.noteId)).map((t) => ({ note: t.noteId, votes: t.votes })),
      })),
  };
}

/** The JSON Schema of the export (draft 2020-12), as committed in session.schema.json. */
export function sessionJsonSchema(): unknown {
  return z.toJSONSchema(SessionJson, { target: 'draft-2020-12' });
}
