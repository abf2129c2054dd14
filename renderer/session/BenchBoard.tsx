import { useEffect, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { addNote, createSessionContent, createUndoManager, listBoards } from '../../shared/model';
import { BoardView } from '../board/BoardView';
import { PresenceContext, usePresenceStore } from '../presence/presence-context';
import { useBoardUi } from '../state/board-ui';
import { createClock } from '../workshop/clock';
import { createWorkshop } from '../workshop/workshop';
import { WorkshopContext } from '../workshop/workshop-context';

/** What a harness drives (docs/ui-contract.md, `#/bench`). */
interface BenchApi {
  ready(): Promise<void>;
  pan(dx: number, dy: number): void;
  zoom(z: number): void;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

export const NOTE = 200;
export const GAP = 20;

/**
 * The benchmark board (`#/bench?n=N&zoom=Z`): N notes of 200×200 px with a 20 px gap in a grid
 * of ceil(√N) columns, texts `Idea 1`…`Idea N`, the grid's top-left at the view's top-left, at
 * zoom Z — laid out like the boards other whiteboards are measured on. Nothing is saved or sent:
 * a doc in memory, the real board on top of it.
 */
export function BenchBoard({ n, zoom }: { n: number; zoom: number }) {
  const { t } = useTranslation();
  const setup = useMemo(() => {
    const doc = new Y.Doc();
    const { boardId } = createSessionContent(doc, { title: 'Benchmark', firstBoardTitle: 'Benchmark board', now: 1, facilitatorId: 'bench', facilitatorName: 'Bench' });
    const columns = Math.ceil(Math.sqrt(n));
    doc.transact(() => {
      for (let i = 0; i < n; i++) {
        const col = i % columns;
        const row = Math.floor(i / columns);
        addNote(doc, { boardId, pos: { x: col * (NOTE + GAP), y: row * (NOTE + GAP) }, size: { w: NOTE, h: NOTE }, now: 2, text: `Idea ${i + 1}` });
      }
    });
    const workshop = createWorkshop({ doc, undoManager: createUndoManager(doc), me: { deviceId: 'bench', name: 'Bench', colour: '#0f4c4a' }, clock: createClock() });
    return { doc, boardId, workshop, awareness: new Awareness(doc) };
  }, [n]);
  const presence = usePresenceStore(setup.awareness);
  const board = listBoards(setup.doc)[0]!;

  useEffect(() => {
    const { boardId } = setup;
    useBoardUi.getState().setViewport(boardId, { x: 0, y: 0, zoom });
    const view = () => useBoardUi.getState().viewports[boardId]!;
    window.__bench = {
      ready: () =>
        new Promise((resolve) => {
          // Mounted and painted: two frames after the board's first commit.
          const check = () => {
            if (document.querySelector('.board-world [data-note-id]') || n === 0) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
            else requestAnimationFrame(check);
          };
          check();
        }),
      pan: (dx, dy) => {
        const v = view();
        flushSync(() => useBoardUi.getState().setViewport(boardId, { ...v, x: v.x + dx, y: v.y + dy }));
      },
      zoom: (z) => {
        const v = view();
        flushSync(() => useBoardUi.getState().setViewport(boardId, { ...v, zoom: z }));
      },
    };
    return () => {
      delete window.__bench;
      setup.awareness.destroy();
    };
  }, [setup, zoom, n]);

  return (
    <WorkshopContext.Provider value={setup.workshop}>
      <PresenceContext.Provider value={presence}>
        <div className="page session-page bench-page">
          <header>
            <h1 className="visually-hidden">{t('bench.title', { count: n })}</h1>
          </header>
          <div className="session-body">
            <BoardView board={board} awareness={setup.awareness} />
          </div>
        </div>
      </PresenceContext.Provider>
    </WorkshopContext.Provider>
  );
}
