/**
 * Loads something from the API and keeps its state: loading, the value, or the error (with its HTTP status, so pages
 * can tell "no privileges" from "server failing"). Re-runs when `deps` change; aborts the request it replaces.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, toApiError } from '../api/http';

export interface ApiCallState<T> {
  loading: boolean;
  value?: T;
  error?: ApiError;
  reload(): void;
}

export function useApiCall<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiCallState<T> {
  const [state, setState] = useState<{ loading: boolean; value?: T; error?: ApiError }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ loading: false, value });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ loading: false, error: toApiError(err) });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
