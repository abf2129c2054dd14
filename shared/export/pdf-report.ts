import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { agendaProgress, type GovernanceLevel, type SessionContent, type VotingRound } from '../model';
import { boardPicture } from './board-picture';
import type { CsvLabels } from './csv';
import { closedVotes } from './note-rows';
import type { DecisionLabels } from './decision-text';

export interface ReportLabels extends Pick<CsvLabels, 'level' | 'actor'> {
  report: string;
  participants: (count: number) => string;
  boards: (count: number) => string;
  notes: (count: number) => string;
  agenda: string;
  agendaLine: (planned: number, actual: number | null) => string;
  votingResults: string;
  byLevel: string;
  noLevel: string;
  noZone: string;
  votes: (count: number) => string;
  by: (name: string) => string;
  exportedOn: (date: string) => string;
  emptyBoard: string;
  decisions: DecisionLabels;
}

export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 50;
const INK = rgb(0.11, 0.17, 0.16);
const MUTED = rgb(0.36, 0.42, 0.41);
const BRAND = rgb(0.06, 0.3, 0.29);

const hex = (colour: string) => rgb(parseInt(colour.slice(1, 3), 16) / 255, parseInt(colour.slice(3, 5), 16) / 255, parseInt(colour.slice(5, 7), 16) / 255);

/** A page cursor that wraps text to the width and starts a new page when the text reaches the bottom. */
class Flow {
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.pdf.addPage([A4.w, A4.h]);
    this.y = A4.h - MARGIN;
  }
  room(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }
  lines(text: string, size: number, font: PDFFont, width: number): string[] {
    const out: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }
  text(text: string, opts: { size?: number; bold?: boolean; colour?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {}): void {
    const size = opts.size ?? 10.5;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const indent = opts.indent ?? 0;
    for (const line of this.lines(text, size, font, A4.w - 2 * MARGIN - indent)) {
      this.room(size * 1.35);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: opts.colour ?? INK });
      this.y -= size * 1.35;
    }
    this.y -= opts.gap ?? 2;
  }
  heading(text: string, size: number): void {
    this.room(size * 3);
    this.y -= size * 0.6;
    this.text(text, { size, bold: true, colour: BRAND, gap: size * 0.4 });
  }
}

/**
 * The PDF report (pdf-lib, DejaVu Sans embedded and subset, so Polish letters render and nothing
 * comes from the web): a cover, the agenda with actual times, each board as a picture and its
 * notes grouped by zone and cluster with tags and votes, and the voting results, also by
 * governance level, and the decision record with its head hash. Unrevealed private notes are left out.
 */
export async function sessionPdf(content: SessionContent, labels: ReportLabels, fonts: ReportFonts, now: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(content.meta.title);
  pdf.setCreator('Transition Lab');
  pdf.setProducer('Transition Lab');
  const flow = new Flow(pdf, { regular: await pdf.embedFont(fonts.regular, { subset: true }), bold: await pdf.embedFont(fonts.bold, { subset: true }) });
  const { meta } = content;
  const votes = closedVotes(content);
  const shown = content.boards.map((b) => ({ ...b, notes: b.notes.filter((n) => !n.private) }));

  // Cover.
  flow.y -= 120;
  flow.text(labels.report, { size: 12, colour: MUTED });
  flow.text(meta.title, { size: 26, bold: true, colour: BRAND, gap: 10 });
  const facts = [meta.date, meta.place, meta.lab].filter(Boolean).join(' · ');
  if (facts) flow.text(facts, { size: 13, gap: 8 });
  const authors = new Set(shown.flatMap((b) => b.notes.map((n) => n.authorId || n.authorName)).filter(Boolean));
  const notesCount = shown.reduce((s, b) => s + b.notes.length, 0);
  flow.text([labels.participants(Math.max(authors.size, content.facilitators.length)), labels.boards(shown.length), labels.notes(notesCount)].join(' · '), { size: 11, colour: MUTED });
  flow.text(labels.exportedOn(new Date(now).toISOString().slice(0, 10)), { size: 9, colour: MUTED });
  // The record's head on the cover: whoever holds this page can check any copy of the session against it.
  if (content.decisions.head) flow.text(labels.decisions.head(content.decisions.head), { size: 7.5, colour: MUTED });

  if (content.agenda.length > 0) {
    flow.newPage();
    flow.heading(labels.agenda, 18);
    content.agenda.forEach((item, i) => {
      const { actualMinutes } = agendaProgress(item, now);
      flow.text(`${i + 1}. ${item.title}`, { bold: true, gap: 0 });
      flow.text(labels.agendaLine(item.minutes, actualMinutes), { indent: 14, colour: MUTED, gap: 4 });
    });
  }

  for (const { board, zones, clusters, notes, ...rest } of shown) {
    flow.newPage();
    flow.heading(board.title, 18);
    if (zones.length === 0 && notes.length === 0) {
      flow.text(labels.emptyBoard, { colour: MUTED });
      continue;
    }
    // The board as a picture, scaled to the page width.
    const picture = boardPicture({ board, zones, clusters, notes, ...rest }, 2000);
    const width = A4.w - 2 * MARGIN;
    const scale = Math.min(width / picture.width, 300 / picture.height);
    const top = flow.y;
    const box = (b: { x: number; y: number; w: number; h: number }) => ({ x: MARGIN + b.x * scale, y: top - (b.y + b.h) * scale, width: b.w * scale, height: b.h * scale });
    flow.page.drawRectangle({ x: MARGIN, y: top - picture.height * scale, width: picture.width * scale, height: picture.height * scale, color: rgb(0.953, 0.961, 0.949) });
    for (const z of picture.zones) {
      flow.page.drawRectangle({ ...box(z), borderColor: rgb(0.62, 0.7, 0.68), borderWidth: 0.8, color: rgb(1, 1, 1), opacity: 0.7 });
      const labelSize = 6;
      const label = flow.lines(z.label, labelSize, flow.fonts.bold, Math.max(10, z.w * scale - 4))[0] ?? '';
      flow.page.drawText(label, { x: MARGIN + z.x * scale + 2, y: top - z.y * scale - labelSize - 2, size: labelSize, font: flow.fonts.bold, color: BRAND });
    }
    for (const n of picture.notes) flow.page.drawRectangle({ ...box(n), color: hex(n.fill), borderColor: rgb(0.8, 0.78, 0.6), borderWidth: 0.3 });
    flow.y = top - picture.height * scale - 14;

    const clusterTitle = new Map(clusters.map((c) => [c.id, c.title]));
    const groups = [...zones.map((z) => ({ id: z.id as string | null, title: z.label })), { id: null, title: labels.noZone }];
    for (const group of groups) {
      const inGroup = notes.filter((n) => n.zoneId === group.id);
      if (inGroup.length === 0) continue;
      flow.heading(group.title, 12);
      // Within a zone, clustered notes come together under their cluster's title.
      const ordered = [...inGroup].sort((a, b) => (clusterTitle.get(a.clusterId ?? '') ?? '').localeCompare(clusterTitle.get(b.clusterId ?? '') ?? ''));
      let cluster: string | null = null;
      for (const note of ordered) {
        const title = note.clusterId ? (clusterTitle.get(note.clusterId) ?? null) : null;
        if (title !== cluster && title) flow.text(title, { bold: true, size: 10, indent: 6 });
        cluster = title;
        const tags = [note.level ? labels.level(note.level) : '', note.actor ? labels.actor(note.actor) : '', votes.get(note.id) ? labels.votes(votes.get(note.id)!) : '', note.authorName ? labels.by(note.authorName) : ''].filter(Boolean);
        flow.text(`• ${note.text.trim()}`, { indent: title ? 14 : 6, gap: 0 });
        if (tags.length) flow.text(tags.join(' · '), { indent: title ? 22 : 14, size: 8.5, colour: MUTED, gap: 3 });
      }
    }
  }

  const closed = content.rounds.filter((r) => r.round.status === 'closed' && r.round.deletedAt === null);
  if (closed.length > 0) {
    flow.newPage();
    flow.heading(labels.votingResults, 18);
    const text = new Map(shown.flatMap((b) => b.notes.map((n) => [n.id, n.text.trim()] as const)));
    for (const { round, totals } of closed) {
      flow.heading(round.title, 13);
      totals.filter((t) => text.has(t.noteId)).forEach((t, i) => flow.text(`${i + 1}. ${text.get(t.noteId)} — ${labels.votes(t.votes)}`, { indent: 6 }));
      const byLevel = levelTotals(content, round);
      if (byLevel.length > 0) {
        flow.text(labels.byLevel, { bold: true, size: 10, gap: 2 });
        for (const [level, list] of byLevel) {
          flow.text(level ? labels.level(level) : labels.noLevel, { bold: true, size: 9.5, indent: 6 });
          list.filter((t) => text.has(t.noteId)).forEach((t, i) => flow.text(`${i + 1}. ${text.get(t.noteId)} — ${labels.votes(t.votes)}`, { indent: 14, size: 9.5 }));
        }
      }
    }
  }
  decisionPages(flow, content, labels.decisions);
  return pdf.save();
}

/** Every recorded decision in reading order, then the head and whether the record checks out. */
function decisionPages(flow: Flow, content: SessionContent, labels: DecisionLabels): void {
  const check = content.decisions;
  flow.newPage();
  flow.heading(labels.title, 18);
  if (check.entries.length === 0 && !check.problem) {
    flow.text(labels.empty, { colour: MUTED });
    return;
  }
  for (const entry of check.entries) {
    flow.text(labels.line(entry), { gap: 1 });
    for (const line of labels.results(entry).slice(0, 10)) flow.text(line, { indent: 14, size: 9.5, colour: MUTED, gap: 1 });
    flow.y -= 3;
  }
  flow.y -= 8;
  flow.text(labels.verdict(check), { bold: !!check.problem, size: 10, colour: check.problem ? rgb(0.6, 0.1, 0.1) : MUTED });
  if (check.head) flow.text(labels.head(check.head), { size: 7.5, colour: MUTED });
}

/** The round's ranking per governance level (read-session keeps it beside the totals). */
function levelTotals(content: SessionContent, round: VotingRound): [GovernanceLevel | null, { noteId: string; votes: number }[]][] {
  return (content.rounds.find((r) => r.round.id === round.id)?.byLevel ?? []).map((l) => [l.level, l.totals]);
}
