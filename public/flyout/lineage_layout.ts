/**
 * Lays out a credential lineage as a left-to-right tree: the root identity (or its one root credential) on the left,
 * each minted credential one column right of the credential that minted it, leaves on their own rows and parents
 * centred on their children. Pure, so the drawing and its tests share it.
 */
import type { LineageNode } from '../../common/finding';

export const NODE_WIDTH = 250;
export const NODE_HEIGHT = 104;
export const GAP_X = 96;
export const GAP_Y = 24;
export const PADDING = 16;

/** No credential id starts with '#', so the identity's key cannot collide with one. */
export const IDENTITY_KEY = '#root-identity';

export interface PlacedNode {
  key: string;
  /** Absent for the root identity when it is drawn on its own (several root credentials). */
  node?: LineageNode;
  /** The credential the root identity holds (it carries the identity's name). */
  isRoot: boolean;
  depth: number;
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  action: string;
  sessionName?: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LineageLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

function byTime(a: LineageNode, b: LineageNode): number {
  return (a.minted_by?.time ?? a.first_seen).localeCompare(b.minted_by?.time ?? b.first_seen);
}

export function layoutLineage(lineage: readonly LineageNode[]): LineageLayout {
  const byId = new Map(lineage.map((n) => [n.credential_id, n]));
  const children = new Map<string, LineageNode[]>();
  const roots: LineageNode[] = [];
  for (const n of lineage) {
    // A parent outside the chain (minted before the window) makes the node a root of what we can draw.
    if (n.parent && byId.has(n.parent) && n.parent !== n.credential_id) {
      const list = children.get(n.parent) ?? [];
      list.push(n);
      children.set(n.parent, list);
    } else roots.push(n);
  }
  roots.sort(byTime);
  for (const list of children.values()) list.sort(byTime);

  const separateIdentity = roots.length !== 1;
  const rows = new Map<string, number>();
  const depths = new Map<string, number>();
  const visited = new Set<string>();
  let nextRow = 0;

  const place = (n: LineageNode, depth: number): number => {
    visited.add(n.credential_id);
    depths.set(n.credential_id, depth);
    const kids = (children.get(n.credential_id) ?? []).filter((k) => !visited.has(k.credential_id));
    let row: number;
    if (kids.length === 0) row = nextRow++;
    else {
      const kidRows = kids.map((k) => place(k, depth + 1));
      row = (kidRows[0] + kidRows[kidRows.length - 1]) / 2;
    }
    rows.set(n.credential_id, row);
    return row;
  };

  const firstDepth = separateIdentity ? 1 : 0;
  const rootRows = roots.map((r) => place(r, firstDepth));
  // Nodes only reachable through a cycle (bad data) still get drawn, as roots.
  for (const n of lineage) if (!visited.has(n.credential_id)) rootRows.push(place(n, firstDepth));

  const xOf = (depth: number) => PADDING + depth * (NODE_WIDTH + GAP_X);
  const yOf = (row: number) => PADDING + row * (NODE_HEIGHT + GAP_Y);

  const nodes: PlacedNode[] = [];
  if (separateIdentity) {
    const row = rootRows.length ? (Math.min(...rootRows) + Math.max(...rootRows)) / 2 : 0;
    rows.set(IDENTITY_KEY, row);
    depths.set(IDENTITY_KEY, 0);
    nodes.push({ key: IDENTITY_KEY, isRoot: false, depth: 0, x: xOf(0), y: yOf(row) });
  }
  for (const n of lineage) {
    const depth = depths.get(n.credential_id) ?? firstDepth;
    nodes.push({ key: n.credential_id, node: n, isRoot: !separateIdentity && roots[0] === n, depth, x: xOf(depth), y: yOf(rows.get(n.credential_id) ?? 0) });
  }

  const at = new Map(nodes.map((p) => [p.key, p]));
  const edges: PlacedEdge[] = [];
  for (const p of nodes) {
    if (!p.node) continue;
    const parentKey = p.node.parent && byId.has(p.node.parent) && (depths.get(p.node.parent) ?? Infinity) < p.depth ? p.node.parent : separateIdentity && p.depth === 1 ? IDENTITY_KEY : undefined;
    const from = parentKey ? at.get(parentKey) : undefined;
    if (!from) continue;
    edges.push({
      from: from.key,
      to: p.key,
      action: p.node.minted_by?.action ?? (parentKey === IDENTITY_KEY ? 'holds' : 'minted'),
      sessionName: p.node.minted_by?.session_name,
      x1: from.x + NODE_WIDTH,
      y1: from.y + NODE_HEIGHT / 2,
      x2: p.x,
      y2: p.y + NODE_HEIGHT / 2,
    });
  }

  const maxDepth = Math.max(0, ...nodes.map((n) => n.depth));
  const maxRow = Math.max(0, ...[...rows.values()]);
  return { nodes, edges, width: xOf(maxDepth) + NODE_WIDTH + PADDING, height: yOf(maxRow) + NODE_HEIGHT + PADDING };
}
