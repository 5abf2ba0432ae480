/**
 * How a file's records are laid out, decided from its first characters (never from its name):
 * `lines`: one JSON value per line (NDJSON, JSON lines, Panther tests, GCP/Azure exports, raw `.log` files);
 * `document`: one or more JSON documents of any shape, read with the bracket scanner (CloudTrail S3 files,
 * pretty-printed exports, arrays, Elasticsearch responses, a single object, a single line too long to judge).
 */
export type Layout = 'lines' | 'document' | 'empty';

/** Lines looked at to recognise JSON lines. */
const PROBE_LINES = 5;

/**
 * `head`: the first characters of the file (BOM removed); `complete`: it is the whole file.
 * Undefined when the head is still blank and more may come.
 */
export function detectLayout(head: string, complete: boolean): Layout | undefined {
  const first = firstNonBlank(head);
  if (first === -1) return complete ? 'empty' : undefined;
  const c = head[first];
  if (c === '[') return 'document';
  // Text that does not start like JSON is read line by line so each bad line is reported on its own.
  if (c !== '{') return 'lines';
  // JSON lines: a file with several lines of which one, on its own, is a JSON object. A pretty-printed document
  // never has a whole non-empty object on one line; a single-line file is a document (a CloudTrail S3 file).
  let start = first;
  let lines = 0;
  let oneLineObject = false;
  while (lines < PROBE_LINES) {
    const nl = head.indexOf('\n', start);
    if (nl === -1) break;
    const line = head.slice(start, nl);
    lines++;
    if (!oneLineObject && isNonEmptyObject(line)) oneLineObject = true;
    start = nl + 1;
    if (firstNonBlank(head, start) === -1) {
      start = head.length;
      break;
    }
  }
  const moreAfterFirstLine = lines >= 2 || (lines === 1 && start < head.length);
  return oneLineObject && moreAfterFirstLine ? 'lines' : 'document';
}

function isNonEmptyObject(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 3 || trimmed.charCodeAt(0) !== 0x7b) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  } catch {
    return false;
  }
}

function firstNonBlank(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 0x20) return i;
  return -1;
}
