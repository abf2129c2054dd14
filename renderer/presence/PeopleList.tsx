import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { initialsOf, textColourOn } from './presence-state';
import { usePresence } from './presence-context';

/** Avatars drawn before the rest collapse into "+N" (all stay in the list for screen readers). */
export const VISIBLE_AVATARS = 8;

/**
 * Everyone with the session open, this person first: initials in their colour. Memoised: the
 * toolbar around it re-renders with every zoom step and lock, and twenty avatars are not cheap.
 */
export const PeopleList = memo(function PeopleList() {
  const { t } = useTranslation();
  const people = usePresence((s) => s.people);
  // Alone in the session there is nobody to show.
  if (!people.some((p) => !p.self)) return null;
  const hidden = people.length - VISIBLE_AVATARS;
  return (
    <div className="people">
      <ul className="people-list" aria-label={t('presence.people')}>
        {people.map((p, i) => {
          const name = p.name || t('presence.guest');
          const label = p.self ? t('presence.you', { name }) : name;
          return (
            <li key={p.clientId} className={`person${i >= VISIBLE_AVATARS && hidden > 1 ? ' overflow' : ''}${p.self ? ' self' : ''}`} title={label}>
              <span className="avatar" aria-hidden="true" style={{ background: p.colour, color: textColourOn(p.colour) }}>
                {initialsOf(p.name) || '?'}
              </span>
              <span className="visually-hidden">{label}</span>
            </li>
          );
        })}
      </ul>
      {hidden > 1 && (
        <span className="avatar more" aria-hidden="true">
          {t('presence.more', { count: hidden })}
        </span>
      )}
    </div>
  );
});
