import { useLiveQuery } from 'dexie-react-hooks';
import { getAccountsDb, isCustomer } from '@/lib/db/accounts';
import './CustomerBadge.css';

/**
 * "Already a customer": shown when the company's domain is a won account in the imported CRM accounts, so a
 * rep does not prospect a customer. Reads the accounts database directly (extension pages share it).
 */
export function CustomerBadge({
  domain,
  compact = false,
}: {
  domain: string | null | undefined;
  compact?: boolean;
}) {
  const customer = useLiveQuery(
    () => (domain ? isCustomer(getAccountsDb(), domain) : Promise.resolve(false)),
    [domain],
  );
  if (!customer) return null;
  if (compact)
    return (
      <span
        className="chip customer-chip"
        data-testid="customer-badge"
        title="Won in your imported CRM accounts"
      >
        Customer
      </span>
    );
  return (
    <p className="customer-badge" data-testid="customer-badge">
      <strong>Already a customer</strong>: {domain} is won in your imported CRM accounts. Check with its
      account owner before prospecting.
    </p>
  );
}
