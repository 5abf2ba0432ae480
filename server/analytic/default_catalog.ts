/** The production catalog behind the analytic's CatalogApi. */
import type { CatalogApi } from './catalog_api';
import { classify, containmentForChain, detectInterface, renderRollback, technique } from './catalog';

export const defaultCatalog: CatalogApi = {
  classify,
  detectInterface,
  technique: (id) => {
    const t = technique(id);
    return t ? { name: t.name, tactics: [...t.tactics] } : undefined;
  },
  renderRollback,
  containment: (subject, revokeBefore) => containmentForChain(subject, revokeBefore),
};
