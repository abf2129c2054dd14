import { useTranslation } from 'react-i18next';
import type { ActorType, GovernanceLevel } from '../../shared/model';

/** A note's governance level and actor type as small chips above its author line. */
export function NoteTags({ level, actor }: { level: GovernanceLevel | null; actor: ActorType | null }) {
  const { t } = useTranslation();
  if (!level && !actor) return null;
  return (
    <span className="note-tags" aria-hidden="true">
      {level && <span className={`note-tag level level-${level}`}>{t(`tags.levels.${level}`)}</span>}
      {actor && <span className="note-tag actor">{t(`tags.actors.${actor}`)}</span>}
    </span>
  );
}
