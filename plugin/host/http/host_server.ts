/**
 * The host's HTTP server (node:http): security headers on every response, the Host check, then the REST API through
 * the host router (JSON bodies with a size limit) or the panel's page and files.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_BASE } from '../../../common/api';
import type { RouteLogger } from '../../../server/routes/services';
import { allowedHostNames, isAllowedHost, SECURITY_HEADERS } from './host_guard';
import { parseQueryString, type HostRouter, type LocalUser } from './host_router';
import { errorResponse, type ApiResponse } from './kibana_responses';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './request_body';
import type { StaticUi } from './static_ui';

export interface HttpServerOptions {
  router: HostRouter;
  user: LocalUser;
  ui: StaticUi;
  /** Address to bind; 127.0.0.1 keeps the host to this machine. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  maxBodyBytes?: number;
  logger?: RouteLogger;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is already in use (another host may be running: open http://${urlHost(host)}:${port}/), or choose another one with --port`);
    this.name = 'PortInUseError';
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function sendJson(response: ServerResponse, api: ApiResponse, closeConnection = false): void {
  const body = api.body === undefined ? undefined : Buffer.from(JSON.stringify(api.body));
  response.writeHead(api.status, {
    ...api.headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': body?.length ?? 0,
    ...(closeConnection ? { connection: 'close' } : {}),
  });
  response.end(body);
}

function sendNotFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end('Not Found\n');
}

export function startHttpServer(o: HttpServerOptions): Promise<RunningHttpServer> {
  const hostNames = allowedHostNames(o.host);
  const maxBodyBytes = o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (value !== undefined) response.setHeader(name, value);
    if (!isAllowedHost(request.headers.host, hostNames)) {
      sendJson(response, errorResponse(403, 'this host answers only requests for localhost or 127.0.0.1 (the Host header names another site)'), true);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    const method = (request.method ?? 'GET').toLowerCase();
    if (url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`)) {
      const match = o.router.match(method, url.pathname);
      if (!match) {
        sendJson(response, errorResponse(404));
        return;
      }
      const body = method === 'get' ? ({ ok: true, value: undefined } as const) : await readJsonBody(request, maxBodyBytes);
      if (!body.ok) {
        // After a refused body the rest of it is not read: the connection closes with the answer.
        sendJson(response, errorResponse(body.status, body.message), body.status === 413);
        return;
      }
      const headers = { ...request.headers };
      sendJson(response, await o.router.handle(match, { query: parseQueryString(url.search), body: body.value, headers, user: o.user }));
      return;
    }
    if ((method === 'get' || method === 'head') && (await o.ui.serve(request, response, url.pathname))) return;
    sendNotFound(response);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      o.logger?.error(`${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, errorResponse(500, 'An internal server error occurred.'));
      else response.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(o.host, o.port) : error));
    server.listen({ host: o.host, port: o.port }, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${urlHost(o.host)}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
