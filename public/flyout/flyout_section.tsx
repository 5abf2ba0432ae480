/** A titled block of the flyout. */
import type { ReactNode } from 'react';
import { EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';

export function FlyoutSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <EuiPanel hasBorder paddingSize="m" style={{ marginBottom: 16 }}>
      <EuiTitle size="xs">
        <h3>{title}</h3>
      </EuiTitle>
      {description && (
        <EuiText size="xs" color="subdued">
          <p>{description}</p>
        </EuiText>
      )}
      <EuiSpacer size="s" />
      {children}
    </EuiPanel>
  );
}
