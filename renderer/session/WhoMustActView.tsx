import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { observeRoots, whoMustAct, type ActorType, type GovernanceLevel } from '../../shared/model';
import { noteVisibleTo } from '../../shared/model/policy';
import { revealNote } from '../board/reveal-note';
import { useWorkshop } from '../workshop/workshop-context';

/**
 * `Who must act`: every note of the session by governance level (rows) and actor type (columns),
 * untagged notes in a row and column of their own. A note is a link to itself on its board.
 */
export function WhoMustActView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const { doc } = workshop;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const read = () => whoMustAct(doc, (n) => noteVisibleTo(doc, workshop.person(), n));
  const [pivot, setPivot] = useState(read);
  useEffect(() => observeRoots(doc, ['notes', 'boards', 'settings'], () => setPivot(read())), [doc]);
  useEffect(() => headingRef.current?.focus(), []);

  const levelName = (l: GovernanceLevel | null) => (l ? t(`tags.levels.${l}`) : t('tags.none'));
  const actorName = (a: ActorType | null) => (a ? t(`tags.actors.${a}`) : t('tags.none'));

  return (
    <main className="who-main" aria-labelledby={headingId}>
    <section className="who-must-act" role="region" aria-labelledby={headingId}>
      <div className="who-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('find.whoMustAct')}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('find.close')}
        </button>
      </div>
      <p className="muted">{pivot.total === 0 ? t('find.nothingYet') : t('find.whoMustActIntro')}</p>
      {pivot.total > 0 && (
        <div className="who-table-wrap" tabIndex={0} role="group" aria-labelledby={headingId}>
          <table className="who-table">
            <thead>
              <tr>
                <td />
                {pivot.actors.map((a) => (
                  <th key={a ?? '-'} scope="col">
                    {actorName(a)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pivot.levels.map((l) => (
                <tr key={l ?? '-'}>
                  <th scope="row">{levelName(l)}</th>
                  {pivot.actors.map((a) => {
                    const notes = pivot.cell(l, a);
                    return (
                      <td key={a ?? '-'}>
                        {notes.length > 0 && (
                          <ul>
                            {notes.map((n) => (
                              <li key={n.noteId}>
                                <a
                                  href={`#note-${n.noteId}`}
                                  onClick={(e) => {
                                    e.preventDefault();
                                    onClose();
                                    revealNote(n.boardId, n.noteId);
                                  }}
                                >
                                  <span className="who-note">{n.text.trim() || t('note.empty')}</span>
                                  <span className="who-board">{n.boardTitle}</span>
                                </a>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
    </main>
  );
}
