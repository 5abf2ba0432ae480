import { detectLayout } from './layout';

describe('detectLayout', () => {
  it.each([
    ['JSON lines', '{"a":1}\n{"a":2}\n', true, 'lines'],
    ['JSON lines without a final newline', '{"a":1}\n{"a":2}', true, 'lines'],
    ['JSON lines whose first line is broken', '{"a":\n{"a":2}\n{"a":3}\n', true, 'lines'],
    ['CRLF JSON lines', '{"a":1}\r\n{"a":2}\r\n', true, 'lines'],
    ['text lines', 'Apache License\nVersion 2.0\n', true, 'lines'],
    ['a CloudTrail S3 file on one line', '{"Records":[{"a":1}]}', true, 'document'],
    ['a one-line document with a trailing newline', '{"Records":[{"a":1}]}\n\n', true, 'document'],
    ['a pretty-printed document', '{\n  "Records": [\n    {\n      "a": 1\n    }\n  ]\n}\n', true, 'document'],
    ['a top-level array', '[{"a":1},\n{"a":2}]', true, 'document'],
    ['the head of a long single line', '{"Records":[{"a":1},{"a":2', false, 'document'],
    ['an empty file', '', true, 'empty'],
    ['a blank file', ' \n\t\r\n', true, 'empty'],
  ])('%s', (_name, head, complete, expected) => {
    expect(detectLayout(head, complete)).toBe(expected);
  });

  it('waits for more when the head is still blank', () => {
    expect(detectLayout('   \n', false)).toBeUndefined();
  });
});
