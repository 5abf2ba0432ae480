import type { LineageNode } from '../../common/finding';
import { buildFinding } from './finding.fixture';
import { GAP_X, IDENTITY_KEY, layoutLineage, NODE_WIDTH } from './lineage_layout';

function node(id: string, parent?: string, time = '2026-11-20T11:00:00Z'): LineageNode {
  return {
    credential_id: id,
    kind: parent ? 'temporary' : 'long_term',
    principal: `p-${id}`,
    parent,
    minted_by: parent ? { event_id: `e-${id}`, action: 'AssumeRole', time, session_name: `s-${id}` } : undefined,
    first_seen: time,
    last_seen: time,
    event_count: 1,
    contexts: [],
  };
}

describe('lineage layout', () => {
  it('draws a role chain left to right, one column per hop, with the minting call on each edge', () => {
    const layout = layoutLineage(buildFinding().cloud_api_abuse.lineage.nodes);
    const [key, dev, admin] = layout.nodes;
    expect(layout.nodes.map((n) => [n.key, n.depth, n.isRoot])).toEqual([
      ['AKIAUBDHRVPEYMZIT6J7', 0, true],
      ['ASIAS7WHUPP7GQIVD2TT', 1, false],
      ['ASIAU72N6QAQLCLHCLT4', 2, false],
    ]);
    expect(dev.x - key.x).toBe(NODE_WIDTH + GAP_X);
    expect(admin.y).toBe(key.y);
    expect(layout.edges.map((e) => `${e.from}>${e.to} ${e.action} ${e.sessionName}`)).toEqual([
      'AKIAUBDHRVPEYMZIT6J7>ASIAS7WHUPP7GQIVD2TT AssumeRole bruno',
      'ASIAS7WHUPP7GQIVD2TT>ASIAU72N6QAQLCLHCLT4 AssumeRole maintenance',
    ]);
    expect(layout.width).toBeGreaterThanOrEqual(admin.x + NODE_WIDTH);
    // Edges run from the right side of the parent to the left side of the child.
    expect(layout.edges[0]).toMatchObject({ x1: key.x + NODE_WIDTH, x2: dev.x });
  });

  it('gives sibling credentials their own rows and centres their parent between them', () => {
    const layout = layoutLineage([node('root'), node('b', 'root', '2026-11-20T12:00:00Z'), node('a', 'root', '2026-11-20T11:00:00Z')]);
    const at = new Map(layout.nodes.map((n) => [n.key, n]));
    expect(at.get('a')!.y).toBeLessThan(at.get('b')!.y);
    expect(at.get('root')!.y).toBe((at.get('a')!.y + at.get('b')!.y) / 2);
    expect(layout.edges).toHaveLength(2);
  });

  it('draws the root identity on its own when the chain has several root credentials', () => {
    const layout = layoutLineage([node('k1'), node('k2'), node('t1', 'k1')]);
    expect(layout.nodes[0]).toMatchObject({ key: IDENTITY_KEY, depth: 0 });
    expect(layout.nodes.filter((n) => n.isRoot)).toHaveLength(0);
    expect(layout.edges.filter((e) => e.from === IDENTITY_KEY).map((e) => [e.to, e.action])).toEqual([
      ['k1', 'holds'],
      ['k2', 'holds'],
    ]);
    expect(layout.nodes.find((n) => n.key === 't1')!.depth).toBe(2);
  });

  it('treats a credential whose parent is outside the chain as a root, and survives a parent cycle', () => {
    const orphan = layoutLineage([node('t1', 'minted-last-week')]);
    expect(orphan.nodes).toHaveLength(1);
    expect(orphan.nodes[0].isRoot).toBe(true);
    const cycle = layoutLineage([node('a', 'b'), node('b', 'a')]);
    expect(cycle.nodes.map((n) => n.key)).toEqual([IDENTITY_KEY, 'a', 'b']);
    // Every edge still runs left to right: the cycle is cut, not drawn back on itself.
    expect(cycle.edges.every((e) => e.x1 < e.x2)).toBe(true);
    expect(cycle.edges).toHaveLength(2);
  });
});
