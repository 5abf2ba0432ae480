/**
 * The one place a handler's failure becomes a response: the client gets a fixed, safe sentence (a store error can
 * carry index names, cluster addresses or request bodies), the log gets the error's message.
 */
import type { KibanaRequestLike, RequestHandlerLike, ResponseFactoryLike, ResponseLike } from '../kibana/types';
import type { RouteLogger, RouteServices, ServicesFor } from './services';

export type ServicedHandler<P, Q, B> = (
  services: RouteServices,
  request: KibanaRequestLike<P, Q, B>,
  response: ResponseFactoryLike,
) => Promise<ResponseLike>;

export function handleWithServices<P, Q, B, Ctx>(
  servicesFor: ServicesFor<Ctx>,
  failure: string,
  logger: RouteLogger | undefined,
  handler: ServicedHandler<P, Q, B>,
): RequestHandlerLike<P, Q, B, Ctx> {
  return async (context, request, response) => {
    try {
      const services = await servicesFor(context, request);
      return await handler(services, request, response);
    } catch (err) {
      logger?.error(`${failure}: ${err instanceof Error ? err.message : String(err)}`);
      return response.customError({ statusCode: 500, body: { message: failure } });
    }
  };
}

/** Writes are recorded under a user; a request that names nobody (anonymous access, some API keys) is refused. */
export function forbiddenWithoutUser(response: ResponseFactoryLike): ResponseLike {
  return response.forbidden({ body: { message: 'this change is recorded under the user who makes it, and the request names no user' } });
}
