import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import type { RecordTextParser } from './record_parser';
import type { RecordSink } from './types';

/** Large reads keep per-chunk work (one await, one decode) far from the per-record path. */
const READ_CHUNK = 1024 * 1024;
/** What a peek reads of a file (compressed bytes for gzip). */
const PEEK_BYTES = 64 * 1024;
/** A peek's output limit: a gzip bomb in the head must not blow up planning. */
const PEEK_MAX_OUTPUT = 8 * 1024 * 1024;

/** Bytes read from disk so far, shared by the files of one run for progress reporting. */
export interface ByteCounter {
  bytes: number;
}

type TextEncoding = 'utf8' | 'utf16le';

/**
 * Reads one file into `parser`, one chunk per step (the generator yields after each chunk), so a time merge can
 * interleave files and stop reading any of them. Gzip is recognised by its magic bytes, whatever the name. Read
 * errors become problems on `sink`: a truncated gzip keeps everything decompressed before the cut.
 */
export async function* readFileInto(
  file: string,
  parser: RecordTextParser,
  sink: RecordSink,
  counter: ByteCounter,
): AsyncGenerator<void, void, void> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    sink.problem('unreadable', `cannot open: ${codeOf(error)}`);
    return;
  }
  let gzip: boolean;
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    gzip = bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } catch (error) {
    await handle.close().catch(() => undefined);
    sink.problem('unreadable', `cannot read: ${codeOf(error)}`);
    return;
  }
  const raw = handle.createReadStream({ start: 0, highWaterMark: READ_CHUNK });
  const source: Readable = gzip ? pipeline(raw, createGunzip({ chunkSize: READ_CHUNK }), ignore) : raw;
  let decoder: StringDecoder | undefined;
  let counted = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      counter.bytes += raw.bytesRead - counted;
      counted = raw.bytesRead;
      if (decoder === undefined) {
        const encoding = encodingOf(chunk);
        if (encoding === undefined) {
          sink.problem('unreadable', 'UTF-16 big-endian text is not supported');
          return;
        }
        decoder = new StringDecoder(encoding);
      }
      parser.push(decoder.write(chunk));
      yield;
    }
    counter.bytes += raw.bytesRead - counted;
    counted = raw.bytesRead;
    if (decoder) parser.push(decoder.end());
    parser.end();
  } catch (error) {
    counter.bytes += raw.bytesRead - counted;
    reportReadError(error, parser, sink, raw.bytesRead);
  } finally {
    source.destroy();
    raw.destroy();
    // Closing is asynchronous; wait so that a stopped read leaves no descriptor behind.
    if (!raw.closed) await once(raw, 'close').catch(ignore);
  }
}

function reportReadError(error: unknown, parser: RecordTextParser, sink: RecordSink, compressedBytes: number): void {
  const code = codeOf(error);
  if (code === 'Z_BUF_ERROR') {
    const at = parser.abandon();
    sink.problem('truncated_gzip', `truncated gzip after ${compressedBytes} bytes`, at);
  } else if (code.startsWith('Z_')) {
    const at = parser.abandon();
    sink.problem('corrupt_gzip', `corrupt gzip after ${compressedBytes} bytes: ${messageOf(error)}`, at);
  } else {
    const at = parser.abandon();
    sink.problem('unreadable', `read failed: ${code}`, at);
  }
}

/**
 * The first characters of a file, decompressing only the first block of a gzip file: enough to find the first
 * event's time when planning the merge. `complete`: that is the whole file. Undefined when it cannot be read.
 */
export async function readHead(file: string): Promise<{ text: string; complete: boolean } | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    let bytes = buffer.subarray(0, bytesRead);
    const complete = bytesRead < PEEK_BYTES;
    if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
      // A sync flush returns what the partial input decompresses to instead of failing on the missing end.
      bytes = gunzipSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: PEEK_MAX_OUTPUT });
    }
    const encoding = encodingOf(bytes);
    return encoding === undefined ? undefined : { text: new StringDecoder(encoding).write(bytes), complete };
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** UTF-8 unless a UTF-16 byte-order mark says otherwise (Windows PowerShell exports are UTF-16LE). */
function encodingOf(first: Buffer): TextEncoding | undefined {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return 'utf16le';
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return undefined;
  return 'utf8';
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ignore(): void {}
