import { describe, expect, it } from 'vitest';
import { boundedQueue, QueueFull } from './bounded-queue';

/** A task the test finishes by hand, and whether it has started. */
function gate<T = string>() {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  const task = { started: false, open, fail, run: () => ((task.started = true), promise) };
  return task;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('bounded queue', () => {
  it('runs up to its limit at once and lines the rest up in order', async () => {
    const queue = boundedQueue({ running: 2, waiting: 2 });
    const [a, b, c, d] = [gate(), gate(), gate(), gate()];
    const results = [a, b, c, d].map((g) => queue.run(g.run));
    expect([a.started, b.started, c.started, d.started]).toEqual([true, true, false, false]);
    expect(queue.size).toEqual({ running: 2, waiting: 2 });

    a.open('a');
    await expect(results[0]).resolves.toBe('a');
    await tick();
    expect([c.started, d.started]).toEqual([true, false]);
    expect(queue.size).toEqual({ running: 2, waiting: 1 });

    b.open('b');
    c.open('c');
    await tick();
    expect(d.started).toBe(true);
    d.open('d');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once beyond the waiting line, without running the task', async () => {
    const queue = boundedQueue({ running: 1, waiting: 1 });
    const [a, b, c] = [gate(), gate(), gate()];
    void queue.run(a.run);
    void queue.run(b.run);
    await expect(queue.run(c.run)).rejects.toBeInstanceOf(QueueFull);
    expect(c.started).toBe(false);
    expect(queue.size).toEqual({ running: 1, waiting: 1 });
  });

  it('frees the place of a task that fails, and passes its error on', async () => {
    const queue = boundedQueue({ running: 1, waiting: 0 });
    const failing = gate();
    const outcome = queue.run(failing.run);
    await expect(queue.run(async () => 'refused')).rejects.toBeInstanceOf(QueueFull);
    failing.fail(new Error('hash failed'));
    await expect(outcome).rejects.toThrow('hash failed');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });

  it('frees the place of a task that throws before it awaits anything', async () => {
    const queue = boundedQueue({ running: 1, waiting: 1 });
    const outcome = queue.run(() => {
      throw new Error('at once');
    });
    await expect(outcome).rejects.toThrow('at once');
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });

  it('starts a waiting task when the running one fails', async () => {
    const queue = boundedQueue({ running: 1, waiting: 1 });
    const [first, second] = [gate(), gate()];
    const one = queue.run(first.run).catch((e: Error) => e.message);
    const two = queue.run(second.run);
    expect(second.started).toBe(false);
    first.fail(new Error('boom'));
    await expect(one).resolves.toBe('boom');
    await tick();
    expect(second.started).toBe(true);
    second.open('done');
    await expect(two).resolves.toBe('done');
  });
});
