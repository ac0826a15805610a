// Placeholder being replaced by its owner this session.
export function ClientsPage(_props: { search?: string }) {
  return <section data-testid="placeholder">ClientsPage</section>;
}
