import type { EventOrigin } from '../../../common/audit_event';
import { DocumentScanner, type ScannedTextSink } from './document_scanner';
import { recordArrayOf, unwrapRecord } from './envelope';
import { detectLayout, type Layout } from './layout';
import { mayHaveProtoKey, parseWithoutProtoKeys } from './safe_json';
import type { RecordSink, SkipCode } from './types';

export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024 * 1024;
/** Characters gathered before the layout is decided. */
const HEAD_CHARS = 1024 * 1024;
/**
 * Documents up to this size are parsed whole (one native JSON.parse is the fastest way through a small CloudTrail
 * S3 file); larger ones, and any that fail to parse whole, go through the streaming bracket scanner, which holds
 * one record at a time and is as fast on large documents (parsing them whole only makes every record survive a
 * garbage collection).
 */
const WHOLE_DOCUMENT_CHARS = 4 * 1024 * 1024;
const BOM = 0xfeff;

export interface ParserOptions {
  /** Longest line or record kept (characters). */
  maxRecordChars?: number;
  /** Largest document parsed whole rather than streamed through the scanner. */
  wholeDocumentChars?: number;
  /** Characters gathered before the layout is decided. */
  headChars?: number;
}

/**
 * Turns a file's decoded text, chunk by chunk, into records for a RecordSink: decides the layout from the
 * content, splits lines with indexOf, parses each record once, removes envelopes and reports every problem with
 * its line (or record index) while carrying on with the next record.
 */
export class RecordTextParser implements ScannedTextSink {
  private layout: Layout | undefined;
  private head = '';
  private started = false;
  /** Document layout: its text while it may still be parsed whole. */
  private document: string[] = [];
  private documentChars = 0;
  private scanner: DocumentScanner | undefined;
  /** Lines mode: the unfinished last line, in pieces. */
  private carry: string[] = [];
  private carryChars = 0;
  private discardingLine = false;
  private lineNo = 0;

  private readonly maxRecordChars: number;
  private readonly wholeDocumentChars: number;
  private readonly headChars: number;

  constructor(
    private readonly file: string,
    private readonly sink: RecordSink,
    options: ParserOptions = {},
  ) {
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.wholeDocumentChars = Math.min(options.wholeDocumentChars ?? WHOLE_DOCUMENT_CHARS, this.maxRecordChars);
    this.headChars = options.headChars ?? HEAD_CHARS;
  }

  push(text: string): void {
    if (this.layout === undefined) {
      if (!this.started && text.length > 0) {
        this.started = true;
        if (text.charCodeAt(0) === BOM) text = text.slice(1);
      }
      this.head += text;
      if (this.head.length < this.headChars) return;
      this.decide(false);
      return;
    }
    this.feed(text);
  }

  /** Hands over the records of what has arrived, without waiting for the end (a peek at the head of a file). */
  flushHead(): void {
    if (this.layout === undefined) this.decide(false);
    if (this.layout === 'document') this.startScanner();
  }

  /** End of input. */
  end(): void {
    if (this.layout === undefined) this.decide(true);
    if (this.layout === 'empty') {
      this.sink.problem('empty_file', 'empty file');
      return;
    }
    if (this.layout === 'document') {
      if (!this.scanner) this.parseWholeDocument();
      this.scanner?.end();
      return;
    }
    if (this.discardingLine) {
      this.lineTooLong(this.lineNo + 1);
    } else if (this.carryChars > 0) {
      const last = this.carry.join('');
      this.carry = [];
      this.carryChars = 0;
      this.line(last, ++this.lineNo);
    }
  }

  /** Input stopped early (a truncated gzip): drops the unfinished record and says where it was. */
  abandon(): number {
    if (this.layout === undefined) this.decide(false);
    if (this.layout === 'document') {
      const scanner = this.startScanner();
      const at = scanner.recordCount + 1;
      scanner.abandon();
      return at;
    }
    this.carry = [];
    this.carryChars = 0;
    this.discardingLine = false;
    return this.lineNo + 1;
  }

  private decide(complete: boolean): void {
    const layout = detectLayout(this.head, complete) ?? 'empty';
    const head = this.head;
    this.head = '';
    if (layout === 'empty' && !complete) {
      // Only blanks so far: wait for more.
      this.head = head;
      return;
    }
    this.layout = layout;
    if (layout !== 'empty') this.feed(head);
  }

  private feed(text: string): void {
    if (this.layout === 'lines') {
      this.splitLines(text);
    } else if (this.scanner) {
      this.scanner.push(text);
    } else {
      this.document.push(text);
      this.documentChars += text.length;
      if (this.documentChars > this.wholeDocumentChars) this.startScanner();
    }
  }

  /** Switches a document to the streaming scanner, handing it the text gathered so far. */
  private startScanner(): DocumentScanner {
    if (this.scanner) return this.scanner;
    const scanner = new DocumentScanner(this, { maxRecordChars: this.maxRecordChars, wholeValues: true });
    this.scanner = scanner;
    const gathered = this.document;
    this.document = [];
    this.documentChars = 0;
    for (const text of gathered) scanner.push(text);
    return scanner;
  }

  /**
   * A small document parsed in one go, its records numbered by position. When it does not parse whole
   * (truncated, several documents in a row) or may hold a `__proto__` key, the scanner takes over and finds
   * every complete record.
   */
  private parseWholeDocument(): void {
    const text = this.document.length === 1 ? this.document[0] : this.document.join('');
    let value: unknown;
    try {
      if (mayHaveProtoKey(text)) throw new Error('per-record handling');
      value = JSON.parse(text);
    } catch {
      this.document = [text];
      this.startScanner();
      return;
    }
    this.document = [];
    this.documentChars = 0;
    const records = recordArrayOf(value);
    if (records === undefined) {
      this.emitRecord(value, 1);
      return;
    }
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (typeof record === 'object' && record !== null) this.emitRecord(record, i + 1);
      else this.sink.problem('not_object', `record ${i + 1} is not a JSON object`, i + 1);
    }
  }

  private splitLines(text: string): void {
    let start = 0;
    let nl = text.indexOf('\n');
    if (this.carryChars > 0 || this.discardingLine) {
      if (nl === -1) {
        this.extendCarry(text);
        return;
      }
      this.extendCarry(text.slice(0, nl));
      const lineNo = ++this.lineNo;
      if (this.discardingLine) {
        this.discardingLine = false;
        this.lineTooLong(lineNo);
      } else {
        const line = this.carry.join('');
        this.carry = [];
        this.carryChars = 0;
        this.line(line, lineNo);
      }
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    while (nl !== -1) {
      this.line(text.slice(start, nl), ++this.lineNo);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) this.extendCarry(start === 0 ? text : text.slice(start));
  }

  private extendCarry(piece: string): void {
    if (this.discardingLine) return;
    this.carryChars += piece.length;
    if (this.carryChars > this.maxRecordChars) {
      this.discardingLine = true;
      this.carry = [];
      this.carryChars = 0;
      return;
    }
    this.carry.push(piece);
  }

  private lineTooLong(lineNo: number): void {
    this.sink.problem('too_long', `line longer than ${this.maxRecordChars} characters`, lineNo);
  }

  private line(text: string, lineNo: number): void {
    if (text.length === 0) return;
    if (text.length > this.maxRecordChars) {
      this.lineTooLong(lineNo);
      return;
    }
    let value: unknown;
    if (mayHaveProtoKey(text)) {
      const parsed = this.parseSafely(text, lineNo);
      if (parsed === undefined) return;
      value = parsed;
    } else {
      try {
        value = JSON.parse(text);
      } catch (error) {
        this.badLine(text, lineNo, error);
        return;
      }
    }
    this.emitValue(value, lineNo);
  }

  private parseSafely(text: string, at: number): unknown {
    try {
      const parsed = parseWithoutProtoKeys(text);
      if (parsed.removedProtoKey) this.sink.problem('unsafe_key', 'removed a "__proto__" key; record kept', at);
      return parsed.value;
    } catch (error) {
      if (this.layout === 'lines') this.badLine(text, at, error);
      else this.sink.problem('not_json', `record ${at} is not valid JSON: ${messageOf(error)}`, at);
      return undefined;
    }
  }

  /** The slow path of a line that JSON.parse refused. */
  private badLine(text: string, lineNo: number, error: unknown): void {
    if (text.charCodeAt(0) === BOM) {
      // Files concatenated with `cat` carry their BOM into the middle.
      this.line(text.slice(1), lineNo);
      return;
    }
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    const c = trimmed.charCodeAt(0);
    if ((c === 0x7b || c === 0x5b) && this.salvageLine(text, lineNo)) return;
    this.sink.problem('not_json', `line is not JSON: ${messageOf(error)}`, lineNo);
  }

  /** A broken envelope line (`{"records":[...` cut off): keeps its complete records. */
  private salvageLine(text: string, lineNo: number): boolean {
    const salvage = new LineSalvage(this, lineNo);
    const scanner = new DocumentScanner(salvage, { maxRecordChars: this.maxRecordChars, wholeValues: false });
    scanner.push(text);
    scanner.end();
    if (salvage.kept === 0) return false;
    this.sink.problem(
      'broken_document',
      `line is not valid JSON as a whole; ${salvage.kept} complete records were kept from it`,
      lineNo,
    );
    return true;
  }

  /** ScannedTextSink: a record (or whole top-level value) found by the document scanner. */
  recordText(text: string, index: number, wholeValue: boolean): void {
    let value: unknown;
    if (mayHaveProtoKey(text)) {
      value = this.parseSafely(text, index);
      if (value === undefined) return;
    } else {
      try {
        value = JSON.parse(text);
      } catch (error) {
        this.sink.problem('not_json', `record ${index} is not valid JSON: ${messageOf(error)}`, index);
        return;
      }
    }
    if (wholeValue) this.emitValue(value, index);
    else this.emitRecord(value, index);
  }

  problem(code: SkipCode, reason: string, index?: number): void {
    this.sink.problem(code, reason, index);
  }

  /** A parsed line or top-level value: an envelope of records, or one record. */
  emitValue(value: unknown, at: number): void {
    const records = recordArrayOf(value);
    if (records === undefined) {
      this.emitRecord(value, at);
      return;
    }
    for (const record of records) this.emitRecord(record, at);
  }

  emitRecord(value: unknown, at: number): void {
    const origin: EventOrigin = { file: this.file, line: at };
    this.sink.record(unwrapRecord(value, origin), origin);
  }
}

/** Collects what a broken line still holds; its own problems are summed up by the caller. */
class LineSalvage implements ScannedTextSink {
  kept = 0;

  constructor(
    private readonly parser: RecordTextParser,
    private readonly lineNo: number,
  ) {}

  recordText(text: string): void {
    let value: unknown;
    try {
      value = mayHaveProtoKey(text) ? parseWithoutProtoKeys(text).value : JSON.parse(text);
    } catch {
      return;
    }
    this.kept++;
    this.parser.emitRecord(value, this.lineNo);
  }

  problem(): void {}
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 quotes the offending text; keep reasons short.
  return message.length > 120 ? `${message.slice(0, 117)}...` : message;
}
