// Placeholder while the page is written (issue 4); replaced by the real page.

export function FindingsPage({ refreshKey }: { refreshKey: number }) {
  return <div data-refresh={refreshKey}>FindingsPage</div>;
}
