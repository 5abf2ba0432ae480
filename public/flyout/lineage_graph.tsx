/**
 * The credential lineage, drawn: from the root identity to the credentials that acted, each edge labelled with the
 * call that minted the credential. Our own SVG, scrolled sideways when the chain is deep.
 */
import { useId, useMemo } from 'react';
import { EuiText, useEuiTheme } from '@elastic/eui';
import type { EvidenceEvent, LineageNode, RootIdentity } from '../../common/finding';
import { layoutLineage, IDENTITY_KEY, type PlacedEdge } from './lineage_layout';
import { LineageNodeBox } from './lineage_node';
import { clip } from './svg_text';

export interface LineageGraphProps {
  root: RootIdentity;
  nodes: readonly LineageNode[];
  evidence: readonly EvidenceEvent[];
}

function edgeSubj(e: PlacedEdge): string {
  return `lineageEdge-${e.from === IDENTITY_KEY ? 'root-identity' : e.from}-${e.to}`;
}

export function LineageGraph({ root, nodes, evidence }: LineageGraphProps) {
  const { colors } = useEuiTheme().euiTheme;
  const arrowId = `lineage-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const layout = useMemo(() => layoutLineage(nodes), [nodes]);
  const acted = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of evidence) if (e.credential_id && (e.stage === 'privileged' || e.stage === 'tamper')) counts.set(e.credential_id, (counts.get(e.credential_id) ?? 0) + 1);
    return counts;
  }, [evidence]);

  if (nodes.length === 0) {
    return (
      <EuiText size="s" color="subdued" data-test-subj="lineageGraph">
        <p>No credential lineage was recorded for this chain.</p>
      </EuiText>
    );
  }

  return (
    <div style={{ overflowX: 'auto', overflowY: 'hidden' }} data-test-subj="lineageGraph">
      <svg width={layout.width} height={layout.height} role="img" aria-label={`Credential lineage of ${root.name}: ${nodes.length} credential(s)`} style={{ display: 'block' }}>
        <defs>
          <marker id={arrowId} viewBox="0 0 10 10" refX={10} refY={5} markerWidth={8} markerHeight={8} orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={colors.mediumShade} />
          </marker>
        </defs>
        {layout.edges.map((e) => {
          const mx = (e.x1 + e.x2) / 2;
          const my = (e.y1 + e.y2) / 2;
          return (
            <g key={`${e.from}>${e.to}`} data-test-subj={edgeSubj(e)}>
              <path d={`M ${e.x1} ${e.y1} C ${mx} ${e.y1}, ${mx} ${e.y2}, ${e.x2 - 2} ${e.y2}`} fill="none" stroke={colors.mediumShade} strokeWidth={1.5} markerEnd={`url(#${arrowId})`} />
              <text x={mx} y={my - 6} textAnchor="middle" fontSize={11} fontWeight={600} fill={colors.text} stroke={colors.emptyShade} strokeWidth={4} paintOrder="stroke">
                {clip(e.action, 16)}
              </text>
              {e.sessionName && (
                <text x={mx} y={my + 12} textAnchor="middle" fontSize={10} fill={colors.subduedText} stroke={colors.emptyShade} strokeWidth={4} paintOrder="stroke">
                  {clip(e.sessionName, 16)}
                </text>
              )}
            </g>
          );
        })}
        {layout.nodes.map((p) => (
          <LineageNodeBox key={p.key} placed={p} root={root} actedCount={acted.get(p.key) ?? 0} />
        ))}
      </svg>
    </div>
  );
}
