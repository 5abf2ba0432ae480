/** ATT&CK techniques, each linking to its page on attack.mitre.org (built only from a well-formed technique id). */
import { EuiBadge, EuiBadgeGroup, EuiToolTip } from '@elastic/eui';
import type { Technique } from '../../common/finding';

const TECHNIQUE_ID = /^T(\d{4})(?:\.(\d{3}))?$/;

/** `T1098.001` -> `https://attack.mitre.org/techniques/T1098/001/`; anything else has no link. */
export function techniqueUrl(id: string): string | undefined {
  const m = TECHNIQUE_ID.exec(id);
  if (!m) return undefined;
  return `https://attack.mitre.org/techniques/T${m[1]}/${m[2] ? `${m[2]}/` : ''}`;
}

export function TechniqueBadges({ techniques }: { techniques: readonly Technique[] }) {
  return (
    <EuiBadgeGroup gutterSize="s" data-test-subj="techniqueBadges">
      {techniques.map((t) => {
        const url = techniqueUrl(t.id);
        const label = `${t.id} ${t.name}`;
        return (
          <EuiToolTip key={t.id} content={t.tactics.length ? `Tactics: ${t.tactics.join(', ')}` : undefined}>
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer" data-test-subj={`technique-${t.id}`} style={{ textDecoration: 'none' }}>
                <EuiBadge color="hollow" iconType="external" iconSide="right">
                  {label}
                </EuiBadge>
              </a>
            ) : (
              <EuiBadge color="hollow" data-test-subj={`technique-${t.id}`}>
                {label}
              </EuiBadge>
            )}
          </EuiToolTip>
        );
      })}
    </EuiBadgeGroup>
  );
}
