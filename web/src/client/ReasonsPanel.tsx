// Placeholder being replaced by its owner this session.
export function ReasonsPanel({ clientId }: { clientId: number }) {
  return <section data-testid="placeholder">ReasonsPanel {clientId}</section>;
}
