/** Each tier's count of companies under the ICP in force and under the draft (rows `${testId}-${tier}`). */
export function CountsTable<T extends string>({
  tiers,
  name,
  counts,
  testId,
}: {
  tiers: readonly T[];
  name: (tier: T) => string;
  counts: Record<T, { before: number; after: number }>;
  testId: string;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Tier</th>
          <th scope="col">In force</th>
          <th scope="col">Draft</th>
        </tr>
      </thead>
      <tbody>
        {tiers.map((t) => (
          <tr key={t} data-testid={`${testId}-${t}`}>
            <th scope="row">{name(t)}</th>
            <td>{counts[t].before.toLocaleString('en')}</td>
            <td>{counts[t].after.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
