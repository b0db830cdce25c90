import { normalizePath } from './routes.ts';

/** A misbehaviour to apply to the next matching request(s), in place of (or on top of) the normal answer. */
export interface FaultSpec {
  /** Trailing slash insensitive; omitted = any path. */
  path?: string;
  /** How many matching requests it applies to (default 1; `Infinity` allowed). */
  times?: number;
  status?: number;
  /** Raw body; default: Vapor error JSON for status >= 400, empty otherwise. */
  body?: string;
  /** Default `application/json; charset=utf-8`. */
  contentType?: string;
  /** Added to the answer, faulted or normal. */
  headers?: Record<string, string>;
  /** Wait before answering; alone, it slows down the normal answer. */
  delayMs?: number;
  /** Reset the connection without answering. */
  drop?: boolean;
  /** Stream a body of this many bytes: `body` (if any) padded with spaces. */
  bodyBytes?: number;
  /** Answer 302 with `Location: redirectTo`. */
  redirectTo?: string;
}

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
}

/** Faults in the order they were queued; a request takes the first one that matches its path. */
export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(spec: FaultSpec): void {
    const remaining = spec.times ?? 1;
    if (!(remaining > 0)) throw new Error('fake server: fault `times` must be positive');
    this.queue.push({ spec, remaining });
  }

  take(path: string): FaultSpec | undefined {
    const fault = this.queue.find(({ spec }) => spec.path === undefined || normalizePath(spec.path) === path);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.queue.splice(this.queue.indexOf(fault), 1);
    return fault.spec;
  }

  clear(): void {
    this.queue = [];
  }
}
