import type { Accounts, FakeUser } from './accounts.ts';
import { parseBasic, parseBearer } from './authorization.ts';
import { loginPayload, organizationsOf, organizationsPayload, userInfoPayload } from './payloads.ts';
import { type QueryResultForm, runTql } from './tql.ts';

export interface ApiRequest {
  method: string;
  /** Normalized: no query, no trailing slash. */
  path: string;
  authorization: string | undefined;
  /** The request body as text ('' when there is none). */
  body?: string;
}

export interface RouteOptions {
  /** How TQL answers: wrapped (the default) or bare. */
  queryResultForm?: QueryResultForm;
  now?: number;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

type Handler = (request: ApiRequest, accounts: Accounts, options: RouteOptions) => ApiResponse;

const routes: Record<string, Record<string, Handler>> = {
  '/api/v3/users/login': { POST: login },
  '/api/v3/users/info': { GET: authenticated(userInfoPayload) },
  '/api/v3/organizations': { GET: authenticated(organizationsPayload) },
  '/api/v4/query/tql': { POST: tql },
};

export function route(request: ApiRequest, accounts: Accounts, options: RouteOptions = {}): ApiResponse {
  const methods = Object.hasOwn(routes, request.path) ? routes[request.path] : undefined;
  if (!methods) return error(404, 'Not Found');
  const handler = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
  if (!handler) return error(405, 'Method Not Allowed');
  return handler(request, accounts, options);
}

function login(request: ApiRequest, accounts: Accounts): ApiResponse {
  const credentials = parseBasic(request.authorization);
  if (!credentials) return error(401, 'Unauthorized');
  const user = accounts.checkPassword(credentials.email, credentials.password);
  if (!user) return error(401, 'Invalid email or password.');
  return { status: 200, body: loginPayload(accounts.openSession(user)) };
}

/** The bearer token's user, or the answer to give instead: 401 for no valid token, 403 on a free plan. */
function userOf(request: ApiRequest, accounts: Accounts): FakeUser | ApiResponse {
  const token = parseBearer(request.authorization);
  const user = token === undefined ? undefined : accounts.authenticate(token);
  if (!user) return error(401, 'Unauthorized');
  if (user.plan === 'free') return error(403, 'API access requires a paid plan.');
  return user;
}

function authenticated(payload: (user: FakeUser) => unknown): Handler {
  return (request, accounts) => {
    const user = userOf(request, accounts);
    return 'status' in user ? user : { status: 200, body: payload(user) };
  };
}

function tql(request: ApiRequest, accounts: Accounts, options: RouteOptions): ApiResponse {
  const user = userOf(request, accounts);
  if ('status' in user) return user;
  return runTql(request.body ?? '', organizationsOf(user), options.now ?? Date.now(), options.queryResultForm ?? 'wrapped');
}

function error(status: number, reason: string): ApiResponse {
  return { status, body: { error: true, reason } };
}

/** The real server ignores a trailing slash: `/api/v3/users/info/` is `/api/v3/users/info`. */
export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
