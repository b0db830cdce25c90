import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** The server's date format, `yyyy-MM-dd'T'HH:mm:ssZ` in UTC: no milliseconds and no colon in the offset. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+0000`;
}

export function newId(): string {
  return randomUUID().toUpperCase();
}

/** An uppercase UUID derived from `seed`, so that organization and app ids (and dashboard links) survive restarts. */
export function stableId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `${variant}${hex.slice(17, 20)}`, hex.slice(20, 32)]
    .join('-')
    .toUpperCase();
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 = 4 × 62: dropping higher bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Like Vapor's `UserToken`: base64 of 16 random bytes, so it may contain `+`, `/` and `=`. */
export function randomSessionToken(): string {
  return randomBytes(16).toString('base64');
}

export function vaporError(reason: string): string {
  return JSON.stringify({ error: true, reason });
}
