// Placeholder being replaced by its owner this session.
export function ModelPage(_props: { search?: string }) {
  return <section data-testid="placeholder">ModelPage</section>;
}
