/**
 * Request bodies: JSON only, bounded. A body announced or found larger than the limit is refused with 413 before it
 * is buffered; anything but JSON is 415 (a plain HTML form cannot post to the API); bad JSON is hapi's 400.
 */
import type { IncomingMessage } from 'node:http';

/** Kibana's default `server.maxPayload`. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

const tooLarge = (max: number): BodyResult => ({ ok: false, status: 413, message: `Payload content length greater than maximum allowed: ${max}` });

export async function readJsonBody(request: IncomingMessage, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<BodyResult> {
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) return tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  // Stopping early must not destroy the request: the 413 still has to be answered on its socket.
  for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return tooLarge(maxBytes);
    chunks.push(chunk);
  }
  if (size === 0) return { ok: true, value: undefined };
  if (!isJson(request.headers['content-type'])) return { ok: false, status: 415, message: 'Unsupported Media Type' };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'Invalid request payload JSON format' };
  }
}
