// Placeholder while the page is written (issue 4); replaced by the real page.
import type { PageProps } from '../app/page_props';

export function IdentitiesPage({ refreshKey, query }: PageProps) {
  return <div data-refresh={refreshKey}>IdentitiesPage {query.toString()}</div>;
}
