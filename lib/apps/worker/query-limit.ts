/**
 * At most `max` tasks at once; the others wait their turn, in order. A slow TelemetryDeck then holds a few
 * queries, not every one of every organization at the same moment.
 */
export function createLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    if (running < max) running += 1;
    else await new Promise<void>((start) => waiting.push(start));
    try {
      return await task();
    } finally {
      // The finished task's place goes straight to the next in line, or is given up.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
