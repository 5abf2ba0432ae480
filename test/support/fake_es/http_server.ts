/**
 * The same fake served over a real socket (node:http on 127.0.0.1, random port), for behaviour only a socket
 * shows: the client's own requestTimeout firing, an abort tearing down the connection, gzip, keep-alive.
 * A delayed request is executed at once and its response held back, as with a slow cluster.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { Client, type ClientOptions } from '@elastic/elasticsearch';
import { decodedPath } from './connection';
import { errorBody } from './errors';
import { FakeElasticsearch, type FakeElasticsearchOptions } from './fake_elasticsearch';
import type { JsonValue } from './json';

export interface FakeHttpElasticsearch {
  readonly fake: FakeElasticsearch;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** A client with the default (undici) connection pointed at the server. */
  client(options?: Partial<ClientOptions>): Client;
  /** Stops listening and drops open sockets, including responses still being held back. */
  close(): Promise<void>;
}

export async function startFakeHttpElasticsearch(
  options: FakeElasticsearchOptions & { fake?: FakeElasticsearch } = {},
): Promise<FakeHttpElasticsearch> {
  const fake = options.fake ?? new FakeElasticsearch(options);
  const held = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    serve(fake, req, res, held).catch((e: unknown) => {
      if (!res.headersSent) send(res, req.method ?? 'GET', 500, errorBody(500, { type: 'fake_es_internal_error', reason: String(e) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    fake,
    url,
    client: (clientOptions = {}) => new Client({ node: url, ...clientOptions }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of held) clearTimeout(t);
        held.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(fake: FakeElasticsearch, req: IncomingMessage, res: ServerResponse, held: Set<NodeJS.Timeout>): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  const [pathPart, queryPart = ''] = (req.url ?? '/').split('?', 2);
  const querystring: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(queryPart)) querystring[k] = v;
  let body: JsonValue | null;
  try {
    body = parseBody(raw, req.headers['content-type'] ?? '', pathPart);
  } catch (e) {
    send(res, method, 400, errorBody(400, { type: 'x_content_parse_exception', reason: `[1:1] ${(e as Error).message}` }));
    return;
  }
  const delay = fake.faults.takeDelay(method, decodedPath(pathPart));
  const response = fake.handle({ method, path: pathPart, querystring, body });
  if (delay <= 0) {
    send(res, method, response.status, response.body);
    return;
  }
  const timer = setTimeout(() => {
    held.delete(timer);
    if (!res.destroyed) send(res, method, response.status, response.body);
  }, delay);
  held.add(timer);
  // The client gave up (timeout or abort): drop the held response.
  res.on('close', () => {
    clearTimeout(timer);
    held.delete(timer);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const buf = Buffer.concat(chunks);
      resolve(req.headers['content-encoding'] === 'gzip' ? gunzipSync(buf) : buf);
    });
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string, path: string): JsonValue | null {
  const text = raw.toString('utf8');
  if (text.trim() === '') return null;
  if (contentType.includes('x-ndjson') || /\/_bulk$/.test(path)) {
    return text
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as JsonValue);
  }
  return JSON.parse(text) as JsonValue;
}

function send(res: ServerResponse, method: string, status: number, body: JsonValue | null): void {
  const payload = method === 'HEAD' || body === null ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/vnd.elasticsearch+json;compatible-with=9',
    'x-elastic-product': 'Elasticsearch',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(method === 'HEAD' ? undefined : payload);
}
