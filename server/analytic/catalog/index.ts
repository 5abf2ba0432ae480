/** The catalog: what cloud API calls mean, which interface made them, how to undo and contain them. */
export { buildCatalogIndex, catalogEntries, classify, classifyWith, type CatalogIndex } from './classify';
export { compileCondition, type EntryCondition, type FieldCondition } from './conditions';
export {
  containmentForChain,
  containmentInputFromEvent,
  containmentSteps,
  type ChainSubject,
  type ContainmentInput,
  type ContainmentStep,
} from './containment';
export { clearInterfaceCache, detectInterface, parseUserAgent } from './detect_interface';
export { renderRollback, responseOf, type RenderedRollback } from './rollback';
export { TACTICS, TECHNIQUES, technique, techniqueUrl, type Tactic, type Technique } from './techniques';
export type * from './types';
