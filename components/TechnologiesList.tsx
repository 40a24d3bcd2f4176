import type { Detection } from '@/lib/techno/types';
import { TECH_CATEGORIES } from '@/lib/techno/types';

/**
 * The technologies detected on the page, each with its category and the signal that showed it (the rest of
 * the evidence in the tooltip). Page-derived text is rendered as text.
 */
export function TechnologiesList({ technologies }: { technologies: Detection[] }) {
  if (technologies.length === 0) return null;
  return (
    <>
      <h2 className="section-title">Technologies on this site</h2>
      <ul className="technologies" data-testid="technologies">
        {technologies.map((t) => (
          <li key={t.name}>
            <span className="technology-name">{t.name}</span>{' '}
            <span className="chip">{TECH_CATEGORIES[t.category]}</span>
            {/* The tooltip on the evidence line, not the item: a screen reader names the item by the tool. */}
            <div className="muted technology-evidence" title={t.evidence.join('\n')}>
              {t.evidence[0]}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
