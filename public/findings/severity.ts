/**
 * Severity names and colours, one source for the table's badges, the chart's series and the flyout, so a "critical"
 * is the same red everywhere (Elastic Security's mapping onto the theme's severity palette).
 */
import { useEuiTheme } from '@elastic/eui';
import { SEVERITIES, type Severity } from '../../common/finding';

export const SEVERITY_LABELS: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** Most severe first: the order of filters, legends and the breakdown. */
export const SEVERITIES_DESC: readonly Severity[] = [...SEVERITIES].reverse();

// Borealis values, for a host theme without the severity palette.
const FALLBACK: Record<Severity, string> = { low: '#B5E5F2', medium: '#FCD883', high: '#FF995E', critical: '#EE4C48' };

export function useSeverityColors(): Record<Severity, string> {
  const { euiTheme } = useEuiTheme();
  const palette = euiTheme.colors.severity as Partial<Record<'neutral' | 'warning' | 'risk' | 'danger', string>> | undefined;
  return {
    low: palette?.neutral ?? FALLBACK.low,
    medium: palette?.warning ?? FALLBACK.medium,
    high: palette?.risk ?? FALLBACK.high,
    critical: palette?.danger ?? FALLBACK.critical,
  };
}
