/**
 * At most `running` tasks at once and at most `waiting` more in line; a task beyond that is refused
 * at once (QueueFull) instead of waiting. Password checks go through one (lib/server/rate-limit.ts):
 * each costs a hash on libuv's thread pool, which file reads and other crypto share, so a burst of
 * sign-in attempts must neither take every thread nor pile up without end.
 */
export class QueueFull extends Error {
  constructor() {
    super('Too many tasks at once.');
    this.name = 'QueueFull';
  }
}

export type BoundedQueue = {
  /** Runs `task` when a place is free; rejects with QueueFull, without running it, when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** How many run now and how many wait. */
  readonly size: { running: number; waiting: number };
};

export function boundedQueue(limits: { running: number; waiting: number }): BoundedQueue {
  let running = 0;
  const line: (() => void)[] = [];

  const next = () => {
    running--;
    const start = line.shift();
    if (start) {
      running++;
      start();
    }
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (running < limits.running) {
        running++;
        return settle(task, next);
      }
      if (line.length >= limits.waiting) return Promise.reject(new QueueFull());
      return new Promise<T>((resolve, reject) => {
        line.push(() => settle(task, next).then(resolve, reject));
      });
    },
    get size() {
      return { running, waiting: line.length };
    },
  };
}

/** Runs `task` (a throw counts as a rejection) and calls `done` once it has settled, whichever way. */
async function settle<T>(task: () => Promise<T>, done: () => void): Promise<T> {
  try {
    return await task();
  } finally {
    done();
  }
}
