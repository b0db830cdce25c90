import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Accounts, type FakeUser, type NewUser } from './accounts.ts';
import { FaultQueue, type FaultSpec } from './faults.ts';
import { applyFault, send } from './responses.ts';
import { normalizePath, route } from './routes.ts';
import type { QueryResultForm } from './tql.ts';

export type { FakeUser, NewOrganization, NewUser } from './accounts.ts';
export type { FaultSpec } from './faults.ts';
export { eventsInHour, usersFor } from './signals.ts';
export type { QueryResultForm } from './tql.ts';

export interface RecordedRequest {
  method: string;
  /** Pathname without query, trailing slash removed (as routed). */
  path: string;
  /** The request target exactly as received (path and query). */
  url: string;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: string;
  /** `Date.now()` when the request had fully arrived. */
  at: number;
}

export interface FakeServer {
  origin: string;
  port: number;
  /** Every request received, in order, faulted ones included. */
  requests: RecordedRequest[];
  addUser(user: NewUser): FakeUser;
  /** A personal access token, `tdpat_` + 40 base62 characters; expires in 30 days unless told otherwise. */
  mintPat(email: string, options?: { expiresAt?: Date }): string;
  revoke(token: string): void;
  expire(token: string): void;
  /** Lifetime of sessions opened by later logins (default 30 days). */
  setSessionLifetimeMs(ms: number): void;
  fault(spec: FaultSpec): void;
  clearFaults(): void;
  /** How `POST /api/v4/query/tql` answers: `wrapped` (the default) or `bare`. */
  setQueryResultForm(form: QueryResultForm): void;
  /** Forgets users, tokens, faults and requests, and restores the default session lifetime and result form. */
  reset(): void;
  /** Stops listening, keeping users and tokens: connections are refused, as when the API is down. */
  goDown(): Promise<void>;
  /** Listens again on the same port after goDown(). */
  comeBack(): Promise<void>;
  /** Stops listening and destroys open connections, stalled ones included. */
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  host?: string;
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const host = options.host ?? '127.0.0.1';
  const accounts = new Accounts();
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let queryResultForm: QueryResultForm = 'wrapped';

  async function answer(req: IncomingMessage, res: ServerResponse, gone: AbortSignal): Promise<void> {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = normalizePath(url.replace(/\?.*$/s, ''));
    requests.push({ method, path, url, headers: flatten(req.headers), body, at: Date.now() });
    const fault = faults.take(path);
    if (fault && (await applyFault(res, fault, gone))) return;
    if (res.destroyed) return;
    const reply = route({ method, path, authorization: req.headers.authorization, body }, accounts, { queryResultForm });
    send(res, reply.status, JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => {
    // Ends a fault's delay or stream once the client gives up or close() destroys the socket.
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    answer(req, res, gone.signal).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const stopListening = () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive and stalled connections would otherwise hold server.close() open indefinitely.
    for (const socket of sockets) socket.destroy();
    return closed;
  };

  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    addUser: (user) => accounts.addUser(user),
    mintPat: (email, patOptions) => accounts.mintPat(email, patOptions?.expiresAt),
    revoke: (token) => accounts.revoke(token),
    expire: (token) => accounts.expire(token),
    setSessionLifetimeMs: (ms) => {
      accounts.sessionLifetimeMs = ms;
    },
    fault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    setQueryResultForm: (form) => {
      queryResultForm = form;
    },
    reset: () => {
      accounts.clear();
      queryResultForm = 'wrapped';
      faults.clear();
      requests.length = 0;
    },
    goDown: stopListening,
    comeBack: () => (server.listening ? Promise.resolve() : listen(server, port, host)),
    close: () => (server.listening ? stopListening() : Promise.resolve()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
