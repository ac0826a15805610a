// Placeholder being replaced by its owner this session.
export function ComparePanel({ clientId }: { clientId: number }) {
  return <section data-testid="placeholder">ComparePanel {clientId}</section>;
}
