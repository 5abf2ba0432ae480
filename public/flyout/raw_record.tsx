/** One evidence event's details and the raw log record behind it, or why that record could not be read. */
import { EuiCallOut, EuiCodeBlock, EuiDescriptionList, EuiSpacer } from '@elastic/eui';
import type { FindingWithRecords } from '../../common/api';
import type { EvidenceEvent } from '../../common/finding';

export type RecordEntry = FindingWithRecords['records'][number];

export function originText(origin: EvidenceEvent['origin']): string | undefined {
  if (!origin) return undefined;
  if (origin.file) return origin.line !== undefined ? `${origin.file}:${origin.line}` : origin.file;
  if (origin.index) return origin.id ? `${origin.index} / ${origin.id}` : origin.index;
  return undefined;
}

export function RawRecord({ event, entry, recordsError }: { event: EvidenceEvent; entry?: RecordEntry; recordsError?: string }) {
  const details = [
    { title: 'Event id', description: event.event_id },
    ...(event.summary ? [{ title: 'What it did', description: event.summary }] : []),
    ...(event.resources?.length ? [{ title: 'Resources', description: event.resources.join(', ') }] : []),
    ...(event.credential_id ? [{ title: 'Credential', description: `${event.credential_id}${event.credential_kind ? ` (${event.credential_kind})` : ''}` }] : []),
    ...(event.region ? [{ title: 'Account / region', description: `${event.account ?? '-'} / ${event.region}` }] : []),
    ...(originText(event.origin) ? [{ title: 'Read from', description: originText(event.origin) ?? '' }] : []),
  ];
  const unreadable = entry?.error ?? (entry ? undefined : (recordsError ?? 'the server returned no record for this event'));
  return (
    <div style={{ width: '100%' }} data-test-subj={`rawRecord-${event.event_id}`}>
      <EuiDescriptionList type="column" compressed listItems={details} columnWidths={[1, 4]} />
      <EuiSpacer size="s" />
      {entry?.record !== undefined ? (
        <EuiCodeBlock language="json" isCopyable fontSize="s" paddingSize="s" overflowHeight={320} data-test-subj="rawRecordJson">
          {JSON.stringify(entry.record, null, 2)}
        </EuiCodeBlock>
      ) : (
        <EuiCallOut size="s" color="warning" iconType="warning" title="The raw record could not be read" data-test-subj="rawRecordError">
          <p>{unreadable}. The event above is what detection kept of it.</p>
        </EuiCallOut>
      )}
    </div>
  );
}
