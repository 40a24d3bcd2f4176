import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/index';
import { TierSchema } from '@/lib/icp/schema';
import { tierName } from './format';

/** The prospect list in brief, for the side panel: counts per tier and the latest saves. */
export function CompactList({ listUrl }: { listUrl: string }) {
  const db = getDb();
  const counts = useLiveQuery(
    () => Promise.all(TierSchema.options.map((t) => db.prospects.where('tier').equals(t).count())),
    [],
  );
  const latest = useLiveQuery(() => db.prospects.orderBy('savedAt').reverse().limit(5).toArray(), []);
  if (!counts || !latest || latest.length === 0) return null;
  return (
    <section className="compact-list" aria-labelledby="compact-list-title" data-testid="compact-list">
      <h2 className="section-title" id="compact-list-title">
        Your list
      </h2>
      <p className="muted">
        {TierSchema.options.map((t, i) => `${tierName(t)} ${counts[i] ?? 0}`).join(' · ')}
      </p>
      <ul>
        {latest.map((p) => (
          <li key={p.id}>
            <span className={`chip tier-${p.tier}`}>{tierName(p.tier)}</span> {p.name}{' '}
            <span className="muted">{p.status}</span>
          </li>
        ))}
      </ul>
      <a href={listUrl} target="_blank" rel="noreferrer">
        Open the prospect list
      </a>
    </section>
  );
}
