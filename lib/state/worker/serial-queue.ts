/**
 * Runs tasks one after another. Two wake-ups that both read "reminder not sent yet" before either writes
 * would send it twice; in a queue, the second reads what the first wrote.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}
