/**
 * The panel's page: `/` goes to the findings, every `/app/*` path answers the same generated index.html (the app
 * routes on the client), and the built files (`app.js` ...) are served from the UI folder. Only regular files inside
 * that folder are served; dot files and anything outside it are not.
 */
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const APP_BASE = '/app';
export const LANDING = '/app/findings';

export class UiMissingError extends Error {
  constructor(dir: string, cause?: unknown) {
    super(`the panel is not built (no ${path.join(dir, 'app.js')})${cause ? `: ${cause instanceof Error ? cause.message : String(cause)}` : ''}. Run: npm run build:host-ui`);
    this.name = 'UiMissingError';
  }
}

/** Builds the page script when it is missing (a fresh clone), with the build the host was given. */
export async function ensureUiBuilt(dir: string, build: ((outDir: string) => Promise<unknown>) | undefined): Promise<'present' | 'built'> {
  if (existsSync(path.join(dir, 'app.js'))) return 'present';
  if (!build) throw new UiMissingError(dir);
  try {
    await build(dir);
  } catch (error) {
    throw new UiMissingError(dir, error);
  }
  if (!existsSync(path.join(dir, 'app.js'))) throw new UiMissingError(dir);
  return 'built';
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The page: the root the app mounts on, whether the user may write, the stylesheets the build made, the script. */
export function indexHtml(o: { canWrite: boolean; stylesheets?: readonly string[]; title?: string }): string {
  const links = (o.stylesheets ?? []).map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`).join('');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeAttribute(o.title ?? 'Cloud API Abuse')}</title>`,
    `<meta name="cloud-api-abuse-can-write" content="${o.canWrite ? 'true' : 'false'}">`,
    // No icon to fetch: without this the browser asks for /favicon.ico and logs the 404 as a console error.
    '<link rel="icon" href="data:,">',
    links,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    '<script type="module" src="/app.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** What /app/* answers while the page script is being built: a page that reloads itself. */
const BUILDING = Buffer.from(
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Cloud API Abuse</title></head>' +
    '<body><p>The panel is being built; this page reloads in a moment.</p></body></html>\n',
);

export class StaticUi {
  private readonly root: string;
  private index?: Buffer;

  /** Not ready until `ready()`: the page script may still be building. */
  constructor(
    dir: string,
    private readonly canWrite: boolean,
  ) {
    this.root = path.resolve(dir);
  }

  /** The page script is in place: the index names it and the stylesheets the build made. */
  ready(): void {
    const stylesheets = existsSync(this.root)
      ? readdirSync(this.root)
          .filter((f) => f.endsWith('.css') && !f.startsWith('.'))
          .sort()
          .map((f) => `/${f}`)
      : [];
    this.index = Buffer.from(indexHtml({ canWrite: this.canWrite, stylesheets }));
  }

  /** Answers a GET or HEAD for a page or a built file; false when the path is neither. */
  async serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<boolean> {
    const head = request.method === 'HEAD';
    if (pathname === '/') {
      response.writeHead(302, { location: LANDING, 'content-length': 0 });
      response.end();
      return true;
    }
    if (pathname === APP_BASE || pathname.startsWith(`${APP_BASE}/`)) {
      const page = this.index ?? BUILDING;
      response.writeHead(this.index ? 200 : 503, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length, 'cache-control': 'no-store' });
      response.end(head ? undefined : page);
      return true;
    }
    const file = this.fileOf(pathname);
    if (!file) return false;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = { 'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache', etag };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    response.writeHead(200, { ...headers, 'content-length': info.size });
    if (head) {
      response.end();
      return true;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        response.destroy();
        resolve();
      });
      response.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(response);
    });
    return true;
  }

  /** The file a URL path names inside the UI folder, or undefined (traversal, dot files, malformed escapes). */
  private fileOf(pathname: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
    const segments = decoded.split('/').filter((s) => s !== '');
    if (segments.length === 0 || segments.some((s) => s.startsWith('.'))) return undefined;
    const file = path.resolve(this.root, ...segments);
    return file.startsWith(this.root + path.sep) ? file : undefined;
  }
}
