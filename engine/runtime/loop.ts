/** @module A background loop that runs one pass at a time: ticks on an interval, can be kicked, never overlaps itself. */

export interface Loop {
  start(): void;
  kick(): void;
  /** Resolves when the pass in progress (if any) has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createLoop(name: string, pass: () => Promise<unknown>, intervalMs: number): Loop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (e) {
          // A failing pass (database briefly down) must not kill the loop; the next tick retries.
          console.error(`[runtime] ${name} pass failed:`, (e as Error).message);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setInterval(run, intervalMs);
      timer.unref?.();
      run();
    },
    kick: run,
    idle: async () => {
      await running;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

/**
 * Contexts that are stopping: a pass over a claimed batch checks this between items, hands back (releases) what it
 * claimed but has not started, and ends, so a graceful stop waits for the item in progress only.
 */
const windingDown = new WeakSet<object>();

export function windDown(owner: object, on = true): void {
  if (on) windingDown.add(owner);
  else windingDown.delete(owner);
}

export const isWindingDown = (owner: object): boolean => windingDown.has(owner);
