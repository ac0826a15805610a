// Placeholder being replaced by its owner this session.
export function LoginPage(_props: { search?: string }) {
  return <section data-testid="placeholder">LoginPage</section>;
}
