/**
 * JSON.parse itself keeps a `__proto__` key as a plain own property, but any later Object.assign or merge of the
 * record would turn it into a prototype write. Attackers control some keys (GCP labels, Azure tags), so such
 * records are kept and only the key is dropped. The check is textual so the common path stays a bare JSON.parse.
 */
export function mayHaveProtoKey(text: string): boolean {
  if (text.indexOf('__proto__') !== -1) return true;
  // An escaped spelling (`\u005f_proto__`, `__\u0070roto__`) decodes to the same key: escapes of `_`, `o`, `p`,
  // `r`, `t` are \u005x-\u007x, which real logs hardly ever use (Go escapes only <, > and &).
  let i = text.indexOf('\\u00');
  while (i !== -1) {
    const digit = text.charCodeAt(i + 4);
    if (digit >= 0x35 && digit <= 0x37) return true;
    i = text.indexOf('\\u00', i + 4);
  }
  return false;
}

export interface SafeParse {
  value: unknown;
  /** A `__proto__` key was found and removed. */
  removedProtoKey: boolean;
}

/** JSON.parse that drops `__proto__` keys at any depth. Throws like JSON.parse on invalid JSON. */
export function parseWithoutProtoKeys(text: string): SafeParse {
  let removed = false;
  const value: unknown = JSON.parse(text, (key: string, v: unknown) => {
    if (key === '__proto__') {
      removed = true;
      return undefined;
    }
    return v;
  });
  return { value, removedProtoKey: removed };
}
