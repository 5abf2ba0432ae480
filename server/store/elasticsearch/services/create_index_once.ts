/**
 * A small hidden index a store creates on first use. Several Kibana nodes may race to create it: "already exists" is
 * success. A failure is not remembered, so the next use tries again.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { EsClient } from '../../../kibana/types';
import { errorTypeOf } from '../findings/es_errors';
import { statusOf, withRetry, type RetryOptions } from '../retry';

export function indexCreator(client: EsClient, index: string, body: Omit<estypes.IndicesCreateRequest, 'index'>, retry?: Partial<RetryOptions>): () => Promise<void> {
  let created: Promise<void> | undefined;
  return () => {
    created ??= withRetry(() => client.indices.create({ index, ...body }), retry).then(
      () => undefined,
      (error: unknown) => {
        const status = statusOf(error);
        if (status === 409 || (status === 400 && errorTypeOf(error) === 'resource_already_exists_exception')) return;
        created = undefined;
        throw error;
      },
    );
    return created;
  };
}
