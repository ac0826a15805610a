// Placeholder being replaced by its owner this session.
export function WaterfallPanel({ clientId }: { clientId: number }) {
  return <section data-testid="placeholder">WaterfallPanel {clientId}</section>;
}
