/** Identifier formats of each provider, drawn from a seeded generator. */
import type { Rng } from './random';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** AKIA... (long-term) or ASIA... (temporary) access key id. */
export function awsAccessKeyId(rng: Rng, temporary: boolean): string {
  return (temporary ? 'ASIA' : 'AKIA') + rng.base32(16);
}

/** AIDA... for users, AROA... for roles. */
export function awsPrincipalId(rng: Rng, kind: 'user' | 'role'): string {
  return (kind === 'user' ? 'AIDA' : 'AROA') + rng.base32(17);
}

/** STS session tokens are long opaque base64 blobs; real ones start with `IQoJb3JpZ2luX2Vj` ("origin_ec"). */
export function awsSessionToken(rng: Rng): string {
  return 'IQoJb3JpZ2luX2Vj' + rng.chars(BASE64, 344);
}

/** S3 request ids are 16 upper-case alphanumerics. */
export function s3RequestId(rng: Rng): string {
  return rng.upperAlnum(16);
}

/** S3 extended request id (`x-amz-id-2`). */
export function s3HostId(rng: Rng): string {
  return rng.chars(BASE64, 76);
}

/** GCP insertId: 12-16 lower-case alphanumerics. */
export function gcpInsertId(rng: Rng): string {
  return rng.lowerAlnum(rng.int(12, 16));
}

/** Entra token identifier (`uti` claim / `uniqueTokenIdentifier`): 22 base64url characters. */
export function entraTokenId(rng: Rng): string {
  return rng.base64url(22);
}

export function base64(rng: Rng, length: number): string {
  return rng.chars(BASE64, length);
}
