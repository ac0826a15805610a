// Placeholder being replaced by its owner this session.
export function AppHeader() {
  return <header>creditlens</header>;
}
