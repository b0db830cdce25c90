export interface BasicCredentials {
  email: string;
  password: string;
}

/** `Basic base64(utf8(email:password))`; only the first `:` separates the two, the password may hold more. */
export function parseBasic(header: string | undefined): BasicCredentials | undefined {
  const encoded = credentialsFor('basic', header);
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function parseBearer(header: string | undefined): string | undefined {
  return credentialsFor('bearer', header);
}

function credentialsFor(scheme: string, header: string | undefined): string | undefined {
  const [, given, credentials] = /^(\S+) +(\S+)$/.exec(header?.trim() ?? '') ?? [];
  return given?.toLowerCase() === scheme ? credentials : undefined;
}
