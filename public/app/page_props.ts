/** What the app gives every page. */
export interface PageProps {
  /** Changes when a detection run finishes: pages reload what they show. */
  refreshKey: number;
  /** The page's query string: other pages link here with filters (`/findings?identity=...`). */
  query: URLSearchParams;
}
