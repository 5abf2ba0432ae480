/** Identifiers shaped like Elasticsearch's (20-char auto ids, 22-char uuids), deterministic per fake instance. */
export class IdSource {
  private counter = 0;
  constructor(private readonly seed: number) {}

  /** Auto-generated document ids: 20 base64url characters, unique within the fake. */
  docId(): string {
    return this.bytes(15).toString('base64url');
  }

  uuid(): string {
    return this.bytes(16).toString('base64url').slice(0, 22);
  }

  private bytes(length: number): Buffer {
    const n = ++this.counter;
    const buf = Buffer.alloc(length);
    buf.writeUInt32BE(this.seed >>> 0, 0);
    buf.writeUInt32BE(n >>> 0, length - 4);
    // Spread the counter through the middle so consecutive ids do not share long prefixes.
    for (let i = 4; i < length - 4; i++) buf[i] = (n * 2654435761 + i * 40503) >>> (i % 24) & 0xff;
    return buf;
  }
}
