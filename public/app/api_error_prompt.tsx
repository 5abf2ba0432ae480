/** An API failure told as what the user can do about it: no privileges, a request the server refused, or a failing server. */
import { EuiButton, EuiEmptyPrompt } from '@elastic/eui';
import type { ApiError } from '../api/http';

export function errorAdvice(error: ApiError): { title: string; body: string } {
  if (error.status === 401 || error.status === 403) {
    return {
      title: 'You do not have access to Cloud API Abuse findings',
      body: 'Ask an administrator for a role that grants the Cloud API Abuse feature (read to see findings, all to change them).',
    };
  }
  if (error.status === 400) return { title: 'The server refused this request', body: error.message };
  if (error.status === 404) return { title: 'Not found', body: error.message };
  return {
    title: 'The Cloud API Abuse service is not answering',
    body: `${error.message}. Check the detection status above and the server logs, then retry.`,
  };
}

export function ApiErrorPrompt({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const advice = errorAdvice(error);
  return (
    <EuiEmptyPrompt
      iconType="warning"
      color="danger"
      title={<h2>{advice.title}</h2>}
      body={<p>{advice.body}</p>}
      actions={onRetry ? <EuiButton onClick={onRetry}>Retry</EuiButton> : undefined}
      data-test-subj="apiErrorPrompt"
    />
  );
}
