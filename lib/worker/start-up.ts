/**
 * The worker's start-up work, run once for every event to wait for. If it throws, it runs again: once more
 * for the events that were waiting on it, and then with each next event until it succeeds. A storage hiccup
 * at start-up must not leave every intent unanswered until the browser restarts.
 */
export function createStartUp(run: () => Promise<void>, onFailure: (error: unknown) => void): () => Promise<void> {
  let attempt: Promise<void> | null = null;
  const started = () => {
    attempt ??= run().catch((error: unknown) => {
      attempt = null;
      onFailure(error);
      throw error;
    });
    return attempt;
  };
  return () => started().catch(started);
}
