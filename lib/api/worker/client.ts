import type { z } from 'zod/mini';
import { describeWait } from '../../text/duration-wording';
import { t } from '../../text/i18n';
import { type ApiError, apiError } from '../error';
import { REQUEST_TIMEOUT_MS, TQL_TIMEOUT_MS } from '../timeouts';
import { encodeBasicCredentials } from './basic-auth';
import { classifyStatus, parseRetryAfter } from './http-status';
import {
  errorBodySchema,
  type LoginResponse,
  loginResponseSchema,
  type Organization,
  organizationsSchema,
  type TqlRow,
  tqlResultSchema,
  type UserInfo,
  userInfoSchema,
} from './response-schemas';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A token with the origin that accepted it (or that is checking it): the only origin it is ever sent to. */
export interface BoundToken {
  token: string;
  origin: string;
}

export interface ApiClientOptions {
  /** The API origin, e.g. `https://api.telemetrydeckapi.com`. */
  origin: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** For TQL queries, which may take much longer (default two minutes). */
  tqlTimeoutMs?: number;
  /** Bodies larger than this are refused rather than read into memory. */
  maxBodyBytes?: number;
  now?: () => number;
  /** Aborts every request of this client, such as a sign-in's when the server is changed meanwhile. */
  signal?: AbortSignal;
}

type Endpoint = 'users-info' | 'login' | 'other';

const MAX_BODY_BYTES = 1_000_000;
const MAX_ERROR_BODY_BYTES = 64_000;
const MAX_REASON_LENGTH = 200;

/**
 * The only code that talks to TelemetryDeck. Credentials go in the `Authorization` header and nowhere
 * else; a token only to the origin it is bound to, and redirects are never followed, so a header can never
 * travel to another origin.
 */
export function createApiClient(options: ApiClientOptions) {
  const origin = new URL(options.origin).origin;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const tqlTimeoutMs = options.tqlTimeoutMs ?? TQL_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;

  async function request<S extends z.ZodMiniType>(
    path: string,
    init: { method: 'GET' | 'POST'; authorization: string; secret: string; json?: unknown; timeoutMs?: number },
    endpoint: Endpoint,
    schema: S,
  ): Promise<ApiResult<z.output<S>>> {
    const controller = new AbortController();
    const requestTimeoutMs = init.timeoutMs ?? timeoutMs;
    const timedOut = () => (init.timeoutMs === undefined ? apiError('timeout') : timeoutError(init.timeoutMs));
    const timer = setTimeout(() => controller.abort(), requestTimeoutMs);
    try {
      let response: Response;
      try {
        const headers: Record<string, string> = { Authorization: init.authorization, Accept: 'application/json' };
        if (init.json !== undefined) headers['Content-Type'] = 'application/json';
        response = await doFetch(`${origin}${path}`, {
          method: init.method,
          headers,
          ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
          redirect: 'manual',
          credentials: 'omit',
          cache: 'no-store',
          signal: options.signal ? AbortSignal.any([controller.signal, options.signal]) : controller.signal,
        });
      } catch {
        return fail(controller.signal.aborted ? timedOut() : apiError('offline'));
      }
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        return fail(apiError('unexpected-response', { message: t('errorRedirect') }));
      }
      // A failure's status says what happened; its body, when it can be read, only adds the server's reason.
      if (!response.ok)
        return fail(errorFromResponse(response, (await readBody(response, MAX_ERROR_BODY_BYTES)) ?? '', endpoint, init.secret));
      const body = await readBody(response, maxBodyBytes);
      if (body === undefined) {
        return fail(controller.signal.aborted ? timedOut() : apiError('unexpected-response'));
      }
      const json = parseJson(body);
      const parsed = json === undefined ? undefined : schema.safeParse(json);
      if (!parsed?.success) return fail(apiError('unexpected-response'));
      return { ok: true, value: parsed.data };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A bearer request, refused before anything is sent when the token is bound to another origin. */
  function withToken<S extends z.ZodMiniType>(
    bound: BoundToken,
    path: string,
    init: { method: 'GET' | 'POST'; json?: unknown; timeoutMs?: number },
    endpoint: Endpoint,
    schema: S,
  ): Promise<ApiResult<z.output<S>>> {
    // Both are bare origins, as the client and the stored credential keep them.
    if (bound.origin !== origin) {
      return Promise.resolve(fail(apiError('not-signed-in', { message: t('errorTokenOfOtherServer') })));
    }
    return request(path, { ...init, authorization: `Bearer ${bound.token}`, secret: bound.token }, endpoint, schema);
  }

  function errorFromResponse(response: Response, body: string, endpoint: Endpoint, secret: string): ApiError {
    const kind = classifyStatus(response.status, endpoint);
    const retryAfterSeconds =
      kind === 'rate-limited' || kind === 'unavailable' ? parseRetryAfter(response.headers.get('Retry-After'), now()) : undefined;
    const reason = serverReason(body, secret);
    const base = apiError(kind, { retryAfterSeconds });
    // A server's own reason helps only where our sentence cannot be specific.
    if (reason && kind === 'unexpected-response') {
      return { ...base, message: `${base.message} ${t('errorServerSaid', reason, response.status)}` };
    }
    return base;
  }

  return {
    origin,
    /** `GET /api/v3/users/info`: the account a token belongs to. Its 401 alone means "token rejected". */
    userInfo(token: BoundToken): Promise<ApiResult<UserInfo>> {
      return withToken(token, '/api/v3/users/info', { method: 'GET' }, 'users-info', userInfoSchema);
    },
    /** `POST /api/v3/users/login` with Basic credentials and no body. */
    login(email: string, password: string): Promise<ApiResult<LoginResponse>> {
      return request(
        '/api/v3/users/login',
        { method: 'POST', authorization: encodeBasicCredentials(email, password), secret: password },
        'login',
        loginResponseSchema,
      );
    },
    /** `GET /api/v3/organizations/`: the user's organizations with their apps. A 401 here is not a rejected token. */
    organizations(token: BoundToken): Promise<ApiResult<Organization[]>> {
      return withToken(token, '/api/v3/organizations/', { method: 'GET' }, 'other', organizationsSchema);
    },
    /** `POST /api/v4/query/tql`: runs one query; the answer's rows, bare or wrapped. A 401 here is not a rejected token. */
    tql(token: BoundToken, query: object): Promise<ApiResult<TqlRow[]>> {
      return withToken(token, '/api/v4/query/tql', { method: 'POST', json: query, timeoutMs: tqlTimeoutMs }, 'other', tqlResultSchema);
    },
  };
}

/** For a request with its own time limit: the sentence names the wait that actually passed. */
function timeoutError(ms: number): ApiError {
  return apiError('timeout', { message: t('errorTimeout', describeWait(ms)) });
}

export type ApiClient = ReturnType<typeof createApiClient>;

function fail(error: ApiError): { ok: false; error: ApiError } {
  return { ok: false, error };
}

/** Reads at most `limit` bytes; undefined when the body is larger or the stream breaks. */
async function readBody(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function parseJson(body: string): unknown {
  if (!body.trim()) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The server's `reason`/`detail`, shortened, with the secret cut out in case a server echoes it. */
function serverReason(body: string, secret: string): string | undefined {
  const parsed = errorBodySchema.safeParse(parseJson(body));
  if (!parsed.success) return undefined;
  const reason = (parsed.data.reason ?? parsed.data.detail)?.trim();
  if (!reason) return undefined;
  const redacted = secret ? reason.split(secret).join('…') : reason;
  return redacted.length > MAX_REASON_LENGTH ? `${redacted.slice(0, MAX_REASON_LENGTH)}…` : redacted;
}
