import * as Y from 'yjs';
import * as M from '../../../shared/model';
import { addBoardFromTemplate } from '../../../shared/templates/apply';
import { builtInTemplate } from '../../../shared/templates';

/**
 * The session the export benchmarks measure: half the notes on a Polish barriers canvas (in its
 * zones), half on a grid board, every note tagged, and a closed vote of 30 voters.
 */
const levels = ['eu', 'national', 'regional', 'local', 'other'] as const;

export function benchSession(notes: number): Y.Doc {
  const doc = new Y.Doc();
  const { boardId } = M.createSessionContent(doc, { title: 'Laboratorium benchmark', firstBoardTitle: 'Pomysły', now: 1, facilitatorId: 'fac', facilitatorName: 'Anna' });
  const canvas = addBoardFromTemplate(doc, builtInTemplate('barriers-opportunities')!, { language: 'pl', now: 2 });
  const zones = M.listZones(doc, canvas);
  for (let i = 0; i < notes; i++) {
    const onCanvas = i % 2 === 0;
    const zone = zones[i % zones.length]!;
    M.addNote(doc, {
      boardId: onCanvas ? canvas : boardId,
      pos: onCanvas ? { x: zone.rect.x + 10 + (i % 3) * 10, y: zone.rect.y + 60 } : { x: (i % 25) * 220, y: Math.floor(i / 25) * 220 },
      now: 10 + i,
      text: `Pomysł ${i}: zielone dachy, ścieżki rowerowe i termomodernizacja szkół w dzielnicy ${i % 17}`,
      authorName: `Uczestnik ${i % 30}`,
      level: levels[i % levels.length],
    });
  }
  const round = M.createVotingRound(doc, { title: 'Priorytety', now: 9_999, scope: { boardIds: [canvas] } });
  M.openVotingRound(doc, round);
  const ids = M.listNotes(doc, canvas).map((n) => n.id);
  for (let v = 0; v < 30; v++) for (let k = 0; k < 5; k++) M.castVote(doc, { roundId: round, voterId: `v${v}`, noteId: ids[(v * 7 + k * 13) % ids.length]!, level: levels[v % 5] });
  M.closeVotingRound(doc, round);
  return doc;
}

