// Placeholder being replaced by its owner this session.
export function WhatIfPanel({ clientId }: { clientId: number }) {
  return <section data-testid="placeholder">WhatIfPanel {clientId}</section>;
}
