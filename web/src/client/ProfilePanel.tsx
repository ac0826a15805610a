// Placeholder being replaced by its owner this session.
export function ProfilePanel({ clientId }: { clientId: number }) {
  return <section data-testid="placeholder">ProfilePanel {clientId}</section>;
}
