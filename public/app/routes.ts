/** The app's pages and their paths (relative to the app's base path in Kibana, to `/app` in the host). */
export const PAGES = [
  { id: 'findings', path: '/findings', title: 'Findings' },
  { id: 'dashboard', path: '/dashboard', title: 'Dashboard' },
  { id: 'coverage', path: '/coverage', title: 'Coverage' },
  { id: 'identities', path: '/identities', title: 'Identities and automation' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export function pageOf(pathname: string): PageId {
  const page = PAGES.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));
  return page?.id ?? 'findings';
}
