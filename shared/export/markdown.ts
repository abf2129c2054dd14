import type { SessionContent } from '../model';
import type { CsvLabels } from './csv';
import { closedVotes } from './note-rows';

export interface MarkdownLabels extends Pick<CsvLabels, 'level' | 'actor'> {
  agenda: string;
  votingResults: string;
  noZone: string;
  minutes: (planned: number) => string;
  votes: (count: number) => string;
  by: (name: string) => string;
}

/**
 * Markdown text never formats by accident: every character Markdown (or HTML inside it) gives a
 * meaning to is escaped, so a note is shown as it was written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

/** The session as a Markdown document: meta, agenda, each board by zone and cluster, voting results. */
export function sessionMarkdown(content: SessionContent, labels: MarkdownLabels): string {
  const out: string[] = [];
  const { meta } = content;
  out.push(`# ${escapeMarkdown(meta.title)}`, '');
  const facts = [meta.date, meta.place, meta.lab].filter(Boolean).map(escapeMarkdown);
  if (facts.length > 0) out.push(facts.join(' · '), '');
  const votes = closedVotes(content);

  if (content.agenda.length > 0) {
    out.push(`## ${escapeMarkdown(labels.agenda)}`, '');
    content.agenda.forEach((item, i) => out.push(`${i + 1}. ${escapeMarkdown(item.title)} — ${escapeMarkdown(labels.minutes(item.minutes))}`));
    out.push('');
  }
  for (const { board, zones, clusters, notes } of content.boards) {
    const visible = notes.filter((n) => !n.private);
    out.push(`## ${escapeMarkdown(board.title)}`, '');
    const groups = [...zones.map((z) => ({ id: z.id as string | null, title: z.label })), { id: null, title: labels.noZone }];
    for (const group of groups) {
      const inZone = visible.filter((n) => n.zoneId === group.id);
      if (inZone.length === 0) continue;
      out.push(`### ${escapeMarkdown(group.title)}`, '');
      const clusterTitle = new Map(clusters.map((c) => [c.id, c.title]));
      for (const note of inZone) {
        const tags = [note.level ? labels.level(note.level) : '', note.actor ? labels.actor(note.actor) : ''].filter(Boolean);
        const extra = [
          note.clusterId ? clusterTitle.get(note.clusterId) : '',
          tags.join(', '),
          votes.get(note.id) ? labels.votes(votes.get(note.id)!) : '',
          note.authorName ? labels.by(note.authorName) : '',
        ].filter(Boolean);
        out.push(`- ${escapeMarkdown(note.text.trim())}${extra.length ? ` _(${extra.map((e) => escapeMarkdown(e!)).join('; ')})_` : ''}`);
      }
      out.push('');
    }
  }
  const closed = content.rounds.filter((r) => r.round.status === 'closed' && r.round.deletedAt === null);
  if (closed.length > 0) {
    out.push(`## ${escapeMarkdown(labels.votingResults)}`, '');
    const text = new Map(content.boards.flatMap((b) => b.notes.filter((n) => !n.private).map((n) => [n.id, n.text] as const)));
    for (const { round, totals } of closed) {
      out.push(`### ${escapeMarkdown(round.title)}`, '');
      totals.filter((t) => text.has(t.noteId)).forEach((t, i) => out.push(`${i + 1}. ${escapeMarkdown(text.get(t.noteId)!.trim())} — ${escapeMarkdown(labels.votes(t.votes))}`));
      out.push('');
    }
  }
  return out.join('\n');
}
