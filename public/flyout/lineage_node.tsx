/** One box of the lineage graph: a credential (or the root identity), what minted it and how much it did. */
import { useEuiTheme } from '@elastic/eui';
import type { CredentialKind } from '../../common/audit_event';
import type { RootIdentity } from '../../common/finding';
import { formatClock, formatTime, shortPrincipal } from '../findings/format';
import { NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './lineage_layout';
import { clip } from './svg_text';

export const CREDENTIAL_KIND_LABELS: Record<CredentialKind, string> = {
  long_term: 'Long-term key',
  temporary: 'Temporary credential',
  console: 'Console session',
  instance: 'Instance credential',
  token: 'Token',
  unknown: 'Identity, no credential id',
};

/** The principal as the box can hold it: the band already says it is a role session. */
function nodePrincipal(principal: string): string {
  return shortPrincipal(principal).replace(/^assumed-role\//, 'role ');
}

const LINE = 16;
/** Characters that fit the box at each style (bold and monospace run wider). */
const FIT = { band: 32, strong: 29, mono: 30, text: 35 };

export interface LineageNodeBoxProps {
  placed: PlacedNode;
  root: RootIdentity;
  /** Privileged or tamper events signed with this credential. */
  actedCount: number;
}

export function LineageNodeBox({ placed, root, actedCount }: LineageNodeBoxProps) {
  const { colors, font } = useEuiTheme().euiTheme;
  const n = placed.node;
  const band = n ? (placed.isRoot ? `Root · ${CREDENTIAL_KIND_LABELS[n.kind]}` : CREDENTIAL_KIND_LABELS[n.kind]) : 'Root identity';
  const lines: { text: string; strong?: boolean; mono?: boolean; danger?: boolean }[] = n
    ? [
        { text: nodePrincipal(n.principal), strong: true },
        { text: n.credential_id.startsWith('principal:') ? 'acted as itself' : n.credential_id, mono: true },
        {
          text: n.minted_by
            ? `${n.minted_by.action}${n.minted_by.session_name ? ` · session ${n.minted_by.session_name}` : ''}`
            : placed.isRoot
              ? `held by ${root.name} (${root.type})`
              : 'minted before the chain',
        },
        actedCount > 0
          ? { text: `${n.event_count} events · ${actedCount} privileged/tamper`, danger: true }
          : { text: `${n.event_count} event${n.event_count === 1 ? '' : 's'} · ${formatClock(n.first_seen)}-${formatClock(n.last_seen)}` },
      ]
    : [
        { text: root.name, strong: true },
        { text: `${root.type} · ${root.provider}${root.account ? ` ${root.account}` : ''}` },
        { text: root.human ? `human: ${root.human}` : 'no accountable human in the logs' },
      ];
  const title = n
    ? [
        `${CREDENTIAL_KIND_LABELS[n.kind]} ${n.credential_id}`,
        `principal: ${n.principal}`,
        n.minted_by ? `minted by ${n.minted_by.action} at ${formatTime(n.minted_by.time)}${n.minted_by.target ? ` on ${n.minted_by.target}` : ''}${n.minted_by.session_name ? `, session ${n.minted_by.session_name}` : ''}` : '',
        `${n.event_count} events, ${formatTime(n.first_seen)} to ${formatTime(n.last_seen)}`,
        ...n.contexts.map((c) => `used from ${c.network} with ${c.tool} (${c.interface})`),
      ]
        .filter(Boolean)
        .join('\n')
    : `Root identity ${root.id}`;
  const accent = actedCount > 0 ? colors.danger : n ? colors.primary : colors.accent;

  return (
    <g transform={`translate(${placed.x},${placed.y})`} data-test-subj={`lineageNode-${placed.key}`}>
      <title>{title}</title>
      <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} fill={colors.emptyShade} stroke={actedCount > 0 ? colors.danger : colors.lightShade} strokeWidth={actedCount > 0 ? 2 : 1} />
      <rect width={5} height={NODE_HEIGHT} rx={2} fill={accent} />
      {/* A nested svg clips what still overflows (wide glyphs), so text never leaves its box. */}
      <svg width={NODE_WIDTH - 6} height={NODE_HEIGHT} overflow="hidden">
        <text x={14} y={18} fontSize={11} fontWeight={600} fill={colors.subduedText} style={{ textTransform: 'uppercase', letterSpacing: 0.3 }}>
          {clip(band, FIT.band)}
        </text>
        {lines.map((l, i) => (
          <text
            key={i}
            x={14}
            y={18 + LINE * (i + 1) + 4}
            fontSize={l.strong ? 13 : 12}
            fontWeight={l.strong ? 600 : 400}
            fontFamily={l.mono ? font.familyCode : undefined}
            fill={l.danger ? colors.dangerText : l.strong ? colors.title : colors.text}
          >
            {clip(l.text, l.strong ? FIT.strong : l.mono ? FIT.mono : FIT.text)}
          </text>
        ))}
      </svg>
    </g>
  );
}
