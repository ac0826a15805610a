// Placeholder being replaced by its owner this session.
export function DecisionPanel({ clientId }: { clientId: number }) {
  return <section data-testid="placeholder">DecisionPanel {clientId}</section>;
}
