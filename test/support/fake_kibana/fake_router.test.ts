import type { RequestHandlerLike, RouteValidationFunction } from '../../../server/kibana/types';
import { FakeRouter, matchPath, parseQueryString, type FakeRequestContext } from './fake_router';

const readOnly = { name: 'rita', privileges: ['demo-read'] };
const writer = { name: 'wade', privileges: ['demo-read', 'demo-all'] };

const pageValidation: RouteValidationFunction<{ page: number }> = (data, r) => {
  const page = (data as { page?: unknown }).page;
  return typeof page === 'string' && /^\d+$/.test(page) ? r.ok({ page: Number(page) }) : r.badRequest('page: expected digits');
};

function echo(): RequestHandlerLike<unknown, unknown, unknown, FakeRequestContext> {
  return async (context, request, response) => {
    const core = await context.core;
    return response.ok({ body: { user: core.security.authc.getCurrentUser()?.username, params: request.params, query: request.query, body: request.body } });
  };
}

function demoRouter(): FakeRouter {
  const router = new FakeRouter();
  router.get({ path: '/demo/items/{id}', validate: false, security: { authz: { requiredPrivileges: ['demo-read'] } } }, echo());
  router.get({ path: '/demo/items/_count', validate: { query: pageValidation }, security: { authz: { requiredPrivileges: ['demo-read'] } } }, echo());
  router.post({ path: '/demo/items', validate: { query: pageValidation }, security: { authz: { requiredPrivileges: ['demo-all'] } } }, echo());
  router.put(
    { path: '/demo/broken', validate: false, security: { authz: { requiredPrivileges: ['demo-all'] } } },
    async () => {
      throw new Error('secret connection string postgres://admin:hunter2@db');
    },
  );
  return router;
}

describe('FakeRouter', () => {
  it('records every registered route with its method and config', () => {
    const router = demoRouter();
    expect(router.routes.map((r) => `${r.method} ${r.config.path}`)).toEqual([
      'get /demo/items/{id}',
      'get /demo/items/_count',
      'post /demo/items',
      'put /demo/broken',
    ]);
    expect(router.route('post', '/demo/items')?.config.security).toEqual({ authz: { requiredPrivileges: ['demo-all'] } });
  });

  it('refuses a route registered twice', () => {
    const router = demoRouter();
    expect(() => router.post({ path: '/demo/items', validate: false, security: { authz: { requiredPrivileges: [] } } }, echo())).toThrow(/twice/);
  });

  it('answers 404 for a path no route has, and for a method the path does not have', async () => {
    const router = demoRouter();
    expect((await router.invoke('get', '/demo/nothing', { user: writer })).status).toBe(404);
    expect((await router.invoke('put', '/demo/items', { user: writer })).status).toBe(404);
  });

  it('matches path parameters, and prefers a literal segment over a parameter', async () => {
    const router = demoRouter();
    const byId = await router.invoke('get', '/demo/items/abc%20d', { user: readOnly });
    // validate: false hands every part to the handler as {} (Kibana drops what it did not validate).
    expect(byId).toEqual({ status: 200, body: { user: 'rita', params: {}, query: {}, body: {} } });
    const count = await router.invoke('get', '/demo/items/_count?page=3', { user: readOnly });
    expect(count.body).toMatchObject({ query: { page: 3 } });
  });

  it('answers 401 to a request without a user, before looking at privileges or parameters', async () => {
    const router = demoRouter();
    const res = await router.invoke('post', '/demo/items?page=nope', {});
    expect(res).toEqual({ status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' } });
    expect((await router.invoke('post', '/demo/items?page=1', { user: null })).status).toBe(401);
  });

  it('answers 403 naming the missing privilege, before validating parameters', async () => {
    const router = demoRouter();
    const res = await router.invoke('post', '/demo/items?page=nope', { user: readOnly });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'Forbidden', message: expect.stringContaining('[demo-all]') });
  });

  it('answers 400 with the request part and the validator message', async () => {
    const router = demoRouter();
    const res = await router.invoke('post', '/demo/items?page=nope', { user: writer });
    expect(res).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: '[request query]: page: expected digits' } });
  });

  it('turns repeated query keys into arrays, single ones into strings', () => {
    expect(parseQueryString('a=1&b=x&a=2&a=3')).toEqual({ a: ['1', '2', '3'], b: 'x' });
    expect(parseQueryString('search=a%20b%26c')).toEqual({ search: 'a b&c' });
  });

  it('hides what a throwing handler says behind a generic 500', async () => {
    const res = await demoRouter().invoke('put', '/demo/broken', { user: writer });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('matchPath returns params only when every literal segment matches', () => {
    expect(matchPath('/a/{id}/c', '/a/42/c')).toEqual({ id: '42' });
    expect(matchPath('/a/{id}/c', '/a/42/d')).toBeUndefined();
    expect(matchPath('/a/{id}', '/a/')).toBeUndefined();
    expect(matchPath('/a/{id}', '/a/%E0%A4%A')).toEqual({ id: '%E0%A4%A' });
  });
});
