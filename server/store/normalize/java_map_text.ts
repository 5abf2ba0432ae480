/**
 * Reads `key=value` out of the Java `Map.toString()` text that Elastic's CloudTrail pipeline stores in
 * `aws.cloudtrail.request_parameters` / `response_elements` ("{credentials={accessKeyId=ASIA..., expiration=Oct 2,
 * 2019 11:12:29 PM}}"). A value ends at `}` or at ", <identifier>=", so dates with commas survive.
 */
export function javaMapValue(text: string, key: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = text.indexOf(`${key}=`, from);
    if (i < 0) return undefined;
    const before = i === 0 ? 123 : text.charCodeAt(i - 1);
    from = i + key.length + 1;
    if (before === 123 /* { */ || before === 32 /* space */) return readValue(text, from);
  }
}

function readValue(text: string, start: number): string | undefined {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 125 /* } */ || c === 123 /* { */ || c === 91 /* [ */) break;
    if (c === 44 /* , */ && startsNextEntry(text, end + 1)) break;
    end++;
  }
  const value = text.slice(start, end).trim();
  return value.length > 0 ? value : undefined;
}

/** ", name=" follows: a space, identifier characters, then `=`. */
function startsNextEntry(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 32) return false;
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    const ident = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 58;
    if (!ident) return c === 61 && j > i + 1;
    j++;
  }
  return false;
}
