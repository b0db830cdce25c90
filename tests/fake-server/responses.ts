import { once } from 'node:events';
import { type ServerResponse, STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSpec } from './faults.ts';
import { vaporError } from './format.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export function send(res: ServerResponse, status: number, body: string, contentType = JSON_TYPE): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Plays `fault` on `res`. Returns false when the fault only delays or adds headers, so the normal answer
 * should follow. `gone` aborts when the connection closes (client gave up, or the server is closing).
 */
export async function applyFault(res: ServerResponse, fault: FaultSpec, gone: AbortSignal): Promise<boolean> {
  for (const [name, value] of Object.entries(fault.headers ?? {})) res.setHeader(name, value);
  if (fault.delayMs) {
    try {
      await sleep(fault.delayMs, undefined, { signal: gone });
    } catch {
      return true;
    }
  }
  const status = fault.status ?? 200;
  const contentType = fault.contentType ?? JSON_TYPE;
  if (fault.drop) {
    res.socket?.resetAndDestroy();
  } else if (fault.redirectTo !== undefined) {
    res.writeHead(302, { Location: fault.redirectTo, 'Content-Length': 0 });
    res.end();
  } else if (fault.bodyBytes !== undefined) {
    await streamPadded(res, status, fault.body ?? '', fault.bodyBytes, contentType, gone);
  } else if (fault.status !== undefined || fault.body !== undefined) {
    send(res, status, fault.body ?? defaultBody(status), contentType);
  } else {
    return false;
  }
  return true;
}

function defaultBody(status: number): string {
  return status >= 400 ? vaporError(STATUS_CODES[status] ?? 'Error') : '';
}

/** `prefix` padded with spaces to `total` bytes, sent in chunks without a Content-Length, as a proxy might. */
async function streamPadded(
  res: ServerResponse,
  status: number,
  prefix: string,
  total: number,
  contentType: string,
  gone: AbortSignal,
): Promise<void> {
  res.writeHead(status, { 'Content-Type': contentType });
  const head = Buffer.from(prefix);
  if (head.length > 0) res.write(head);
  const padding = Buffer.alloc(64 * 1024, ' ');
  let left = total - head.length;
  while (left > 0 && !res.destroyed) {
    const chunk = padding.subarray(0, Math.min(left, padding.length));
    left -= chunk.length;
    if (!res.write(chunk)) {
      try {
        await once(res, 'drain', { signal: gone });
      } catch {
        return;
      }
    }
  }
  res.end();
}
