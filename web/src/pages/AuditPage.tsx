// Placeholder being replaced by its owner this session.
export function AuditPage(_props: { search?: string }) {
  return <section data-testid="placeholder">AuditPage</section>;
}
