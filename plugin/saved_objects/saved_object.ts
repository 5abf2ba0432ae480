/**
 * Kibana's saved-object export format (`POST /api/saved_objects/_export` writes it, `_import` reads it): one object per
 * line, then a summary line. The versions say which migrations Kibana still has to run on import: each object is
 * written in the shape its type had at that version (the shapes Kibana's own sample data uses), so a Kibana from 8.8
 * on migrates it forward; `coreMigrationVersion` 8.8.0 is the release that introduced `typeMigrationVersion`.
 */

export interface SavedObjectReference {
  name: string;
  type: string;
  id: string;
}

export interface ExportedSavedObject<A = Record<string, unknown>> {
  id: string;
  type: string;
  attributes: A;
  references: SavedObjectReference[];
  coreMigrationVersion: '8.8.0';
  typeMigrationVersion: string;
  managed: false;
}

/** What Kibana's export writes after the objects; its import skips a line with `exportedCount`. */
export interface ExportSummary {
  excludedObjects: never[];
  excludedObjectsCount: 0;
  exportedCount: number;
  missingRefCount: 0;
  missingReferences: never[];
}

export function exportSummary(objects: readonly ExportedSavedObject<unknown>[]): ExportSummary {
  return { excludedObjects: [], excludedObjectsCount: 0, exportedCount: objects.length, missingRefCount: 0, missingReferences: [] };
}

/** One JSON document per line, each line ending with a newline. */
export function toNdjson(lines: readonly unknown[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

/** The only string a saved object or rule may carry as an index: a lower-case index name or pattern, nothing to escape. */
const INDEX = /^[a-z0-9.][a-z0-9_.*-]{0,254}$/;

export function checkIndex(index: string): string {
  if (!INDEX.test(index)) throw new Error(`not an index name or pattern: [${index}]`);
  return index;
}
