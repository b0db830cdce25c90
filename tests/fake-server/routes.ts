import type { Accounts, FakeUser } from './accounts.ts';
import { parseBasic, parseBearer } from './authorization.ts';
import { loginPayload, organizationsPayload, userInfoPayload } from './payloads.ts';

export interface ApiRequest {
  method: string;
  /** Normalized: no query, no trailing slash. */
  path: string;
  authorization: string | undefined;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

type Handler = (request: ApiRequest, accounts: Accounts) => ApiResponse;

const routes: Record<string, Record<string, Handler>> = {
  '/api/v3/users/login': { POST: login },
  '/api/v3/users/info': { GET: authenticated(userInfoPayload) },
  '/api/v3/organizations': { GET: authenticated(organizationsPayload) },
};

export function route(request: ApiRequest, accounts: Accounts): ApiResponse {
  const methods = Object.hasOwn(routes, request.path) ? routes[request.path] : undefined;
  if (!methods) return error(404, 'Not Found');
  const handler = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
  if (!handler) return error(405, 'Method Not Allowed');
  return handler(request, accounts);
}

function login(request: ApiRequest, accounts: Accounts): ApiResponse {
  const credentials = parseBasic(request.authorization);
  if (!credentials) return error(401, 'Unauthorized');
  const user = accounts.checkPassword(credentials.email, credentials.password);
  if (!user) return error(401, 'Invalid email or password.');
  return { status: 200, body: loginPayload(accounts.openSession(user)) };
}

function authenticated(payload: (user: FakeUser) => unknown): Handler {
  return (request, accounts) => {
    const token = parseBearer(request.authorization);
    const user = token === undefined ? undefined : accounts.authenticate(token);
    if (!user) return error(401, 'Unauthorized');
    if (user.plan === 'free') return error(403, 'API access requires a paid plan.');
    return { status: 200, body: payload(user) };
  };
}

function error(status: number, reason: string): ApiResponse {
  return { status, body: { error: true, reason } };
}

/** The real server ignores a trailing slash: `/api/v3/users/info/` is `/api/v3/users/info`. */
export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
