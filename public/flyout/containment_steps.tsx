/** What to do first: the containment steps in order, each command ready to copy. */
import { EuiCodeBlock, EuiSpacer, EuiSteps, EuiText } from '@elastic/eui';
import type { ContainmentStep } from '../../common/finding';

export function ContainmentSteps({ steps }: { steps: readonly ContainmentStep[] }) {
  if (steps.length === 0) {
    return (
      <EuiText size="s" color="subdued" data-test-subj="containmentSteps">
        <p>No containment step applies to this chain.</p>
      </EuiText>
    );
  }
  return (
    <EuiSteps
      titleSize="xs"
      headingElement="h4"
      data-test-subj="containmentSteps"
      steps={steps.map((s) => ({
        title: s.title,
        children: (
          <>
            <EuiText size="s" color="subdued">
              <p>{s.detail}</p>
            </EuiText>
            {s.command && (
              <>
                <EuiSpacer size="s" />
                <EuiCodeBlock language="bash" isCopyable fontSize="s" paddingSize="s" whiteSpace="pre-wrap" data-test-subj="containmentCommand">
                  {s.command}
                </EuiCodeBlock>
              </>
            )}
          </>
        ),
      }))}
    />
  );
}
