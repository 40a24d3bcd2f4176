import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/index';
import { latestProspects } from '@/lib/db/prospects';
import { STATUS_LABEL, verdictClass, verdictName } from './format';

/**
 * The prospect list in brief, for the side panel: the latest saves. No counts here: IndexedDB counts by
 * walking the index, which with 100,000 prospects holds up the panel's next read for most of a second; the
 * list page shows them (the save bar links to it).
 */
export function CompactList() {
  const db = getDb();
  const latest = useLiveQuery(() => latestProspects(db, 5), []);
  if (!latest || latest.length === 0) return null;
  return (
    <section className="compact-list" aria-labelledby="compact-list-title" data-testid="compact-list">
      <h2 className="section-title" id="compact-list-title">
        Your list
      </h2>
      <ul>
        {latest.map((p) => (
          <li key={p.id}>
            <span className={`chip ${verdictClass(p.result)}`}>{verdictName(p.result)}</span> {p.name}{' '}
            <span className="muted">{STATUS_LABEL[p.status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
