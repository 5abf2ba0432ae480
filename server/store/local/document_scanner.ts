import { RECORD_ARRAY_KEYS } from './envelope';
import type { SkipCode } from './types';

/** What the scanner finds, as text; the caller parses it. */
export interface ScannedTextSink {
  /**
   * One complete record of a record array, or (`wholeValue`) a complete top-level value that holds no record
   * array, such as a single pretty-printed record. `index` is 1-based over the whole input.
   */
  recordText(text: string, index: number, wholeValue: boolean): void;
  problem(code: SkipCode, reason: string, index: number): void;
}

export interface ScannerOptions {
  maxRecordChars: number;
  /** Emit top-level values that hold no record array (off when salvaging a broken line). */
  wholeValues: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
/** Only short strings can be the envelope keys the scanner looks for. */
const MAX_KEY = 32;

type Capture = 'off' | 'on' | 'oversize';

/**
 * A streaming, string-aware bracket scanner for JSON documents: it finds the record array of an export
 * (`[...]`, `{"Records":[...]}`, `{"records":[...]}`, `{"expected":[...]}`, `{"hits":{"hits":[...]}}`) and hands
 * over each record's text as soon as its closing bracket arrives, so a document is never held whole and a
 * truncated one still yields every record before the cut. Several top-level values may follow one another.
 * Inside strings it jumps from quote to quote with indexOf; brackets are the only characters it looks at.
 */
export class DocumentScanner {
  /** Containers open at the current position. */
  private depth = 0;
  /** Depth of the record array being read (its elements open at arrayDepth + 1); 0 when none. */
  private arrayDepth = 0;
  private inRecord = false;
  /** The current top-level value holds a record array, so it is not itself a record. */
  private foundRecords = false;
  private inString = false;
  /** The previous chunk ended inside a string with an odd run of backslashes. */
  private escapeCarry = false;
  /** The open string may be a key of the envelope (depth <= 2 outside records); its text so far. */
  private keyPiece: string | undefined;
  private lastKey = '';
  /** Key of the container open at depth 2, to recognise `hits.hits`. */
  private parentKey = '';
  private inScalar = false;
  private junk = false;
  private capture: Capture = 'off';
  private pieces: string[] = [];
  private captured = 0;
  private records = 0;

  constructor(
    private readonly sink: ScannedTextSink,
    private readonly options: ScannerOptions,
  ) {}

  /** Records seen so far (complete or not). */
  get recordCount(): number {
    return this.records;
  }

  push(s: string): void {
    const n = s.length;
    let i = 0;
    let captureStart = 0;
    if (this.inString) {
      const j = this.closeQuote(s, 0, true);
      if (j === -1) {
        this.suspendString(s, 0, true);
        this.keepCapture(s, 0);
        return;
      }
      this.inString = false;
      this.escapeCarry = false;
      if (this.keyPiece !== undefined) this.takeKey(this.keyPiece + s.slice(0, j));
      i = j + 1;
    }
    while (i < n) {
      if (this.inRecord) {
        i = this.scanRecord(s, i, captureStart);
        continue;
      }
      const c = s.charCodeAt(i);
      if (this.junk) {
        const nl = s.indexOf('\n', i);
        if (nl === -1) return;
        this.junk = false;
        i = nl + 1;
        continue;
      }
      if (c <= SPACE) {
        i++;
        continue;
      }
      if (this.depth === 0) {
        if (c === OPEN_BRACE) {
          this.depth = 1;
          this.foundRecords = false;
          this.lastKey = '';
          this.parentKey = '';
          if (this.options.wholeValues) {
            this.capture = 'on';
            captureStart = i;
          }
        } else if (c === OPEN_BRACKET) {
          this.depth = 1;
          this.arrayDepth = 1;
          this.foundRecords = true;
        } else {
          this.junk = true;
          this.sink.problem('not_json', `text that is not JSON before record ${this.records + 1}`, this.records + 1);
          continue;
        }
        i++;
        continue;
      }
      if (this.depth === this.arrayDepth) {
        // Between the elements of a record array.
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.depth++;
          this.inRecord = true;
          this.inScalar = false;
          this.capture = 'on';
          captureStart = i;
          i++;
          continue;
        }
        if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
          this.arrayDepth = 0;
          this.inScalar = false;
          this.close(s, i);
          i++;
          continue;
        }
        if (c === COMMA) {
          this.inScalar = false;
        } else if (!this.inScalar) {
          this.inScalar = true;
          this.records++;
          this.sink.problem('not_object', `record ${this.records} is not a JSON object`, this.records);
        }
        if (c === QUOTE) {
          const j = this.closeQuote(s, i + 1, false);
          if (j === -1) {
            this.suspendString(s, i + 1, false);
            break;
          }
          i = j;
        }
        i++;
        continue;
      }
      // Inside a top-level object, looking for its record array.
      if (c === QUOTE) {
        const j = this.closeQuote(s, i + 1, false);
        const isKey = this.depth <= 2;
        if (j === -1) {
          this.suspendString(s, i + 1, false);
          if (isKey) this.keyPiece = n - i - 1 <= MAX_KEY ? s.slice(i + 1) : '';
          break;
        }
        if (isKey) this.takeKey(j - i - 1 <= MAX_KEY ? s.slice(i + 1, j) : '');
        i = j + 1;
        continue;
      }
      if (c === OPEN_BRACKET && this.isRecordArrayKey()) {
        this.depth++;
        this.arrayDepth = this.depth;
        this.foundRecords = true;
        this.dropCapture();
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (this.depth === 1) this.parentKey = this.lastKey;
        this.depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.close(s, i, captureStart);
      }
      i++;
    }
    this.keepCapture(s, captureStart);
  }

  /**
   * The hot loop: inside a record only strings and brackets matter. Returns where to go on: after the record's
   * closing bracket, or the end of the chunk.
   */
  private scanRecord(s: string, from: number, captureStart: number): number {
    const n = s.length;
    const end = this.arrayDepth;
    let depth = this.depth;
    for (let i = from; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        const j = this.closeQuote(s, i + 1, false);
        if (j === -1) {
          this.depth = depth;
          this.suspendString(s, i + 1, false);
          return n;
        }
        i = j;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
      } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === end) {
        this.depth = depth;
        this.inRecord = false;
        this.emit(s, captureStart, i + 1, false);
        return i + 1;
      }
    }
    this.depth = depth;
    return n;
  }

  /** End of input: a cut-off document is reported once, after the complete records were handed over. */
  end(): void {
    if (this.depth === 0 && !this.inString) return;
    const next = this.records + 1;
    if (this.inRecord) {
      this.sink.problem(
        'broken_document',
        `JSON document cut off inside record ${next}; the ${this.records} records before it were kept`,
        next,
      );
    } else if (this.foundRecords) {
      this.sink.problem('broken_document', `JSON document cut off after record ${this.records}`, next);
    } else {
      this.sink.problem('broken_document', `JSON document cut off before its first complete record`, next);
    }
    this.reset();
  }

  /** Drops a partial record without reporting it (the caller reports why input stopped). */
  abandon(): void {
    this.reset();
  }

  private reset(): void {
    this.depth = 0;
    this.arrayDepth = 0;
    this.inRecord = false;
    this.inString = false;
    this.escapeCarry = false;
    this.keyPiece = undefined;
    this.dropCapture();
  }

  private isRecordArrayKey(): boolean {
    if (this.depth === 1) return RECORD_ARRAY_KEYS.has(this.lastKey);
    return this.depth === 2 && this.parentKey === 'hits' && this.lastKey === 'hits';
  }

  private takeKey(text: string): void {
    this.lastKey = text.length <= MAX_KEY ? text : '';
    this.keyPiece = undefined;
  }

  /** A closing bracket outside records. */
  private close(s: string, i: number, captureStart = 0): void {
    if (--this.depth > 0) return;
    if (this.capture !== 'off' && !this.foundRecords) this.emit(s, captureStart, i + 1, true);
    this.dropCapture();
    this.foundRecords = false;
  }

  private emit(s: string, start: number, end: number, wholeValue: boolean): void {
    const index = ++this.records;
    let text: string;
    if (this.capture === 'oversize') {
      text = '';
    } else if (this.pieces.length > 0) {
      this.pieces.push(s.slice(start, end));
      text = this.pieces.join('');
    } else {
      text = s.slice(start, end);
    }
    const oversize = this.capture === 'oversize' || text.length > this.options.maxRecordChars;
    this.dropCapture();
    if (oversize) {
      this.sink.problem('too_long', `record ${index} is longer than ${this.options.maxRecordChars} characters`, index);
    } else {
      this.sink.recordText(text, index, wholeValue);
    }
  }

  /** Chunk end: keep the text of the record (or whole value) still open, unless it is already too long. */
  private keepCapture(s: string, start: number): void {
    if (this.capture !== 'on') return;
    const piece = start === 0 ? s : s.slice(start);
    this.captured += piece.length;
    if (this.captured > this.options.maxRecordChars) {
      this.capture = 'oversize';
      this.pieces = [];
    } else {
      this.pieces.push(piece);
    }
  }

  private dropCapture(): void {
    this.capture = 'off';
    this.pieces = [];
    this.captured = 0;
  }

  /** Index of the quote that closes a string whose text resumes at `from`, or -1. */
  private closeQuote(s: string, from: number, continuing: boolean): number {
    let j = s.indexOf('"', from);
    while (j !== -1) {
      let k = j - 1;
      while (k >= from && s.charCodeAt(k) === BACKSLASH) k--;
      let run = j - 1 - k;
      if (k < from && continuing && this.escapeCarry) run++;
      if ((run & 1) === 0) return j;
      j = s.indexOf('"', j + 1);
    }
    return -1;
  }

  private suspendString(s: string, from: number, continuing: boolean): void {
    let k = s.length - 1;
    while (k >= from && s.charCodeAt(k) === BACKSLASH) k--;
    let run = s.length - 1 - k;
    if (k < from && continuing && this.escapeCarry) run++;
    this.escapeCarry = (run & 1) === 1;
    this.inString = true;
    if (continuing && this.keyPiece !== undefined) {
      this.keyPiece = this.keyPiece.length + s.length <= MAX_KEY ? this.keyPiece + s : '';
    }
  }
}
