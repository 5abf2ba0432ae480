import { RecordTextParser, type ParserOptions } from './record_parser';
import { CollectingSink, ndjson, records } from './test_support';

/** Feeds `text` in chunks of `size` characters. */
function parse(text: string, size = text.length, options: ParserOptions = {}): CollectingSink {
  const sink = new CollectingSink();
  const parser = new RecordTextParser('f.json', sink, options);
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
  parser.end();
  return sink;
}

const three = records('e', 3);

describe.each([
  ['parsed whole', {}],
  ['streamed through the scanner', { wholeDocumentChars: 0 }],
] as [string, ParserOptions][])('record layouts, recognised from content, documents %s', (_mode, options) => {
  it('reads a CloudTrail S3 delivery file and numbers records by index', () => {
    const sink = parse(JSON.stringify({ Records: three }), undefined, options);
    expect(sink.ids()).toEqual(['e1', 'e2', 'e3']);
    expect(sink.records.map((r) => r.origin)).toEqual([
      { file: 'f.json', line: 1 },
      { file: 'f.json', line: 2 },
      { file: 'f.json', line: 3 },
    ]);
    expect(sink.problems).toEqual([]);
  });

  it('reads Azure `records`, Elastic `expected`, a top-level array and a single pretty-printed object', () => {
    expect(parse(JSON.stringify({ records: three }, null, 2), undefined, options).ids()).toEqual(['e1', 'e2', 'e3']);
    expect(parse(JSON.stringify({ expected: three }, null, 4), undefined, options).ids()).toEqual(['e1', 'e2', 'e3']);
    expect(parse(JSON.stringify(three), undefined, options).ids()).toEqual(['e1', 'e2', 'e3']);
    expect(parse(JSON.stringify(three[0], null, 2), undefined, options).ids()).toEqual(['e1']);
  });

  it('unwraps Elasticsearch hits and keeps their index and id in the origin', () => {
    const response = {
      took: 3,
      timed_out: false,
      _shards: { total: 1, hits: [1] },
      hits: {
        total: { value: 2 },
        hits: [
          { _index: 'logs-aws.cloudtrail-default', _id: 'a1', _source: three[0] },
          { _index: 'logs-aws.cloudtrail-default', _id: 'a2', _source: three[1] },
        ],
      },
    };
    const sink = parse(JSON.stringify(response, null, 1), undefined, options);
    expect(sink.ids()).toEqual(['e1', 'e2']);
    expect(sink.records[1].origin).toEqual({ file: 'f.json', line: 2, index: 'logs-aws.cloudtrail-default', docId: 'a2' });
  });

  it('reads NDJSON by line, unwrapping Panther rule tests but not ECS `log` objects', () => {
    const lines = ndjson([
      { rule_id: 'AWS.Root', log_type: 'AWS.CloudTrail', log: three[0] },
      { ...three[1], log: { level: 'info' } },
      three[2],
    ]);
    const sink = parse(lines, undefined, options);
    expect(sink.ids()).toEqual(['e1', 'e2', 'e3']);
    expect(sink.records.map((r) => r.origin.line)).toEqual([1, 2, 3]);
    expect(sink.records[1].value).toHaveProperty('log', { level: 'info' });
  });

  it('expands envelope lines (one Event Hub message per line) with the line number', () => {
    const sink = parse(ndjson([{ records: three.slice(0, 2) }, { records: [three[2]] }]), undefined, options);
    expect(sink.ids()).toEqual(['e1', 'e2', 'e3']);
    expect(sink.records.map((r) => r.origin.line)).toEqual([1, 1, 2]);
  });

  it('gives the same records whatever the chunk boundaries, also with escapes and brackets in strings', () => {
    const tricky = [
      { id: 'q1', eventTime: '2024-01-01T00:00:00Z', s: 'a "quoted" {not} [a] \\ back\\\\slash \\"' },
      { id: 'q2', eventTime: '2024-01-01T00:00:01Z', s: '\\\\\\', nested: { a: [1, { b: '}]' }] }, odd: 'x"', c: '{"}' },
      { id: 'q3', eventTime: '2024-01-01T00:00:02Z', Records: 'not an envelope here' },
    ];
    const hits = { took: 1, _shards: { hits: ['x'] }, hits: { total: 3, hits: tricky.map((t) => ({ _id: t.id, _source: t })) } };
    const docs = [
      JSON.stringify({ Records: tricky }),
      JSON.stringify({ Records: tricky }, null, 2),
      JSON.stringify(tricky, null, 1),
      JSON.stringify(hits),
      ndjson(tricky),
    ];
    for (const doc of docs) {
      // A small head makes the layout known early, so every later chunk boundary reaches the line splitter or
      // the scanner (a JSON lines head must hold a complete line to be recognised).
      const headChars = doc.startsWith('{"id"') ? doc.indexOf('\n') + 2 : 1;
      for (const size of [1, 2, 3, 5, 7, 13, 64]) {
        const sink = parse(doc, size, { ...options, headChars });
        expect(sink.ids()).toEqual(['q1', 'q2', 'q3']);
        expect(sink.records.map((r) => r.value)).toEqual(tricky);
        expect(sink.records.map((r) => r.origin.line)).toEqual([1, 2, 3]);
        expect(sink.problems).toEqual([]);
      }
    }
  });

  it('strips a UTF-8 byte-order mark, at the start and where files were concatenated', () => {
    expect(parse('\ufeff' + JSON.stringify({ Records: three }), undefined, options).ids()).toEqual(['e1', 'e2', 'e3']);
    const concatenated = '\ufeff' + ndjson(three.slice(0, 2)) + '\ufeff' + ndjson([three[2]]);
    const sink = parse(concatenated, undefined, options);
    expect(sink.ids()).toEqual(['e1', 'e2', 'e3']);
    expect(sink.problems).toEqual([]);
  });
});

describe('bad input is reported and the records around it are kept', () => {
  it('reports a non-JSON line with its number and reads on', () => {
    const text = ndjson(three.slice(0, 2)) + 'this is not json\n' + ndjson([three[2]]);
    const sink = parse(text);
    expect(sink.ids()).toEqual(['e1', 'e2', 'e3']);
    expect(sink.problems).toEqual([{ code: 'not_json', reason: expect.stringMatching(/^line is not JSON/), line: 3 }]);
  });

  it('recovers every complete record of a truncated document and reports the broken tail', () => {
    const whole = JSON.stringify({ Records: records('t', 5) });
    const cut = whole.slice(0, whole.indexOf('"t5"') - 5);
    for (const size of [cut.length, 10]) {
      const sink = parse(cut, size, { headChars: 1 });
      expect(sink.ids()).toEqual(['t1', 't2', 't3', 't4']);
      expect(sink.problems).toEqual([
        { code: 'broken_document', reason: expect.stringContaining('inside record 5'), line: 5 },
      ]);
    }
    expect(parse('{"Records":[').problems).toEqual([
      { code: 'broken_document', reason: 'JSON document cut off after record 0', line: 1 },
    ]);
  });

  it('reports a record that is invalid inside an otherwise sound document, and reads the next ones', () => {
    const text = `{"Records":[${JSON.stringify(three[0])},{"id":"bad",,},${JSON.stringify(three[1])}]}`;
    const sink = parse(text);
    expect(sink.ids()).toEqual(['e1', 'e2']);
    expect(sink.problems).toEqual([{ code: 'not_json', reason: expect.stringMatching(/^record 2 is not valid JSON/), line: 2 }]);
  });

  it('keeps the complete records of a cut-off envelope line in NDJSON', () => {
    const broken = JSON.stringify({ records: three }).slice(0, -20);
    const text = ndjson([records('a', 1)[0]]) + broken + '\n' + ndjson([records('z', 1)[0]]);
    const sink = parse(text);
    expect(sink.ids()).toEqual(['a1', 'e1', 'e2', 'z1']);
    expect(sink.problems).toEqual([{ code: 'broken_document', reason: expect.stringContaining('2 complete records'), line: 2 }]);
  });

  it.each([{}, { wholeDocumentChars: 0 }])('reports scalars where records belong (%p)', (options) => {
    const sink = parse(`{"Records":[${JSON.stringify(three[0])},"oops",42,${JSON.stringify(three[1])}]}`, undefined, options);
    expect(sink.ids()).toEqual(['e1', 'e2']);
    expect(sink.records.map((r) => r.origin.line)).toEqual([1, 4]);
    expect(sink.problems.map((p) => [p.code, p.line])).toEqual([
      ['not_object', 2],
      ['not_object', 3],
    ]);
  });

  it('reads several documents in a row and junk between them', () => {
    const text = `${JSON.stringify({ Records: three.slice(0, 2) }, null, 2)}\n${JSON.stringify(three[2])}\nnot json\n[]`;
    const sink = parse(text);
    expect(sink.ids()).toEqual(['e1', 'e2', 'e3']);
    expect(sink.records.map((r) => r.origin.line)).toEqual([1, 2, 3]);
    expect(sink.problems).toEqual([{ code: 'not_json', reason: 'text that is not JSON before record 4', line: 4 }]);
  });

  it('processes a line with a 10 MB string field', () => {
    const big = { id: 'big', eventTime: '2024-01-01T00:00:00Z', requestParameters: { blob: 'x'.repeat(10 * 1024 * 1024) } };
    const text = ndjson([three[0], big, three[1]]);
    const sink = parse(text, 1024 * 1024);
    expect(sink.ids()).toEqual(['e1', 'big', 'e2']);
    expect((sink.records[1].value as typeof big).requestParameters.blob).toHaveLength(10 * 1024 * 1024);
  });

  it('reports lines and records beyond the maximum length and keeps the ones around them', () => {
    const long = { id: 'long', eventTime: '2024-01-01T00:00:00Z', blob: 'y'.repeat(5000) };
    const lines = parse(ndjson([three[0], long, three[1]]), 700, { maxRecordChars: 1000 });
    expect(lines.ids()).toEqual(['e1', 'e2']);
    expect(lines.problems).toEqual([{ code: 'too_long', reason: 'line longer than 1000 characters', line: 2 }]);
    const doc = parse(JSON.stringify({ Records: [three[0], long, three[1]] }), 700, { maxRecordChars: 1000 });
    expect(doc.ids()).toEqual(['e1', 'e2']);
    expect(doc.problems).toEqual([{ code: 'too_long', reason: 'record 2 is longer than 1000 characters', line: 2 }]);
  });

  it('reports an empty or blank file', () => {
    expect(parse('').problems).toEqual([{ code: 'empty_file', reason: 'empty file', line: undefined }]);
    expect(parse(' \n\n  \r\n').problems.map((p) => p.code)).toEqual(['empty_file']);
    expect(parse('{"Records":[]}').problems).toEqual([]);
  });
});

describe('prototype keys', () => {
  it('drops `__proto__` keys, keeps the record, and never touches Object.prototype', () => {
    const hostile = [
      '{"id":"p1","eventTime":"2024-01-01T00:00:00Z","__proto__":{"polluted":"yes"}}',
      '{"id":"p2","eventTime":"2024-01-01T00:00:00Z","labels":{"\\u005f_proto__":{"polluted":"yes"}}}',
      '{"id":"p3","eventTime":"2024-01-01T00:00:00Z","constructor":{"prototype":{"polluted":"yes"}}}',
    ];
    for (const text of [hostile.join('\n') + '\n', `{"Records":[${hostile.join(',')}]}`]) {
      const sink = parse(text);
      expect(sink.ids()).toEqual(['p1', 'p2', 'p3']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      const first = sink.records[0].value as object;
      expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(first, '__proto__')).toBe(false);
      const labels = (sink.records[1].value as { labels: object }).labels;
      expect(Object.keys(labels)).toEqual([]);
      // `constructor` is harmless as a plain own property; it stays as data.
      expect((sink.records[2].value as { constructor: unknown }).constructor).toEqual({ prototype: { polluted: 'yes' } });
      expect(sink.problems.map((p) => [p.code, p.line])).toEqual([
        ['unsafe_key', 1],
        ['unsafe_key', 2],
      ]);
    }
  });
});
