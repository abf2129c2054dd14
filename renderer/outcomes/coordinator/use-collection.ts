import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { inspectArchiveState, MAX_ARCHIVE_BYTES, readArchive, type ArchiveProblem } from '../../../shared/export';
import { labSessionOf, type LabSession } from '../../../shared/coordinator';
import type { DecisionProblem } from '../../../shared/model';
import { appDatabase, type CollectedSession } from '../../storage/database';
import { loadCollection, removeCollected, saveCollected } from '../../storage/collection';

export type FileProblem = ArchiveProblem | 'notSession';

export interface ImportReport {
  read: number;
  problems: { file: string; problem: FileProblem }[];
}

export interface Collection {
  sessions: LabSession[];
  loading: boolean;
  /** Files read so far / to read, while an import runs. */
  progress: { done: number; total: number } | null;
  report: ImportReport | null;
  storageFailed: boolean;
  importFiles(files: readonly File[]): Promise<void>;
  remove(sessionId: string): Promise<void>;
}

/** Reads a merged state as the coordinator sees it; the scratch doc is dropped at once. */
function sessionOf(row: CollectedSession): LabSession | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, row.state);
    return labSessionOf(row.sessionId, doc, { heads: row.heads, flagged: row.flagged });
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The coordinator view's collection: every archive imported here, merged per session (a second
 * archive of the same session — or the same file again — is a CRDT merge, so no note is counted
 * twice), kept in IndexedDB so it is there on the next visit. Files are read one at a time, giving
 * the page a turn between them, so 100 archives never freeze it.
 */
export function useCollection(): Collection {
  const [rows, setRows] = useState<Map<string, { row: CollectedSession; session: LabSession }>>(new Map());
  const [loading, setLoading] = useState(true);
  const [progress, setProgress] = useState<Collection['progress']>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const current = useRef(rows);
  current.current = rows;

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const stored = await loadCollection(appDatabase());
        const loaded = new Map<string, { row: CollectedSession; session: LabSession }>();
        for (const [i, row] of stored.entries()) {
          // A turn for the page every few sessions: a hundred of them take most of a second to read.
          if (i % 8 === 7) await nextTask();
          if (!live) return;
          const session = sessionOf(row);
          if (session) loaded.set(row.sessionId, { row, session });
        }
        if (live) setRows(loaded);
      } catch {
        if (live) setStorageFailed(true);
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const importFiles = useCallback(async (files: readonly File[]) => {
    const problems: ImportReport['problems'] = [];
    const next = new Map(current.current);
    const changed = new Set<string>();
    setReport(null);
    setProgress({ done: 0, total: files.length });
    for (const [i, file] of files.entries()) {
      await nextTask();
      setProgress({ done: i, total: files.length });
      if (file.size > MAX_ARCHIVE_BYTES) {
        problems.push({ file: file.name, problem: 'tooLarge' });
        continue;
      }
      const read = readArchive(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) {
        problems.push({ file: file.name, problem: read.problem });
        continue;
      }
      const inside = inspectArchiveState(read.archive);
      if (!inside.session) {
        problems.push({ file: file.name, problem: 'notSession' });
        continue;
      }
      const { sessionId } = read.archive.manifest;
      const before = next.get(sessionId)?.row;
      const flagged: DecisionProblem | null = before?.flagged ?? inside.record.problem;
      const row: CollectedSession = {
        sessionId,
        state: before ? Y.mergeUpdates([before.state, read.archive.state]) : read.archive.state,
        heads: [...new Set([...(before?.heads ?? []), ...(read.archive.manifest.decisionHeads ?? [])])],
        flagged,
        files: [...new Set([...(before?.files ?? []), file.name])],
        importedAt: Date.now(),
      };
      const session = sessionOf(row);
      if (!session) {
        problems.push({ file: file.name, problem: 'notSession' });
        continue;
      }
      next.set(sessionId, { row, session });
      changed.add(sessionId);
    }
    setRows(next);
    setProgress(null);
    setReport({ read: files.length - problems.length, problems });
    try {
      await saveCollected(
        appDatabase(),
        [...changed].map((id) => next.get(id)!.row),
      );
    } catch {
      setStorageFailed(true);
    }
  }, []);

  const remove = useCallback(async (sessionId: string) => {
    const next = new Map(current.current);
    next.delete(sessionId);
    setRows(next);
    try {
      await removeCollected(appDatabase(), sessionId);
    } catch {
      setStorageFailed(true);
    }
  }, []);

  const sessions = useMemo(() => [...rows.values()].map((r) => r.session), [rows]);
  return { sessions, loading, progress, report, storageFailed, importFiles, remove };
}
