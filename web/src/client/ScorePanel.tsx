// Placeholder being replaced by its owner this session.
export function ScorePanel({ clientId }: { clientId: number }) {
  return <section data-testid="placeholder">ScorePanel {clientId}</section>;
}
