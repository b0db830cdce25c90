/**
 * `btoa` only takes Latin-1, so a password like `pässwörd 🔑` must become UTF-8 bytes first.
 * Only the first `:` separates email and password, so a password may contain `:`.
 */
export function encodeBasicCredentials(email: string, password: string): string {
  const bytes = new TextEncoder().encode(`${email}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The inverse, for tests and the fake server: returns null when the header is not Basic. */
export function decodeBasicCredentials(header: string): { email: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header.trim());
  if (!match) return null;
  const binary = atob(match[1]!);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const text = new TextDecoder().decode(bytes);
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  return { email: text.slice(0, colon), password: text.slice(colon + 1) };
}
