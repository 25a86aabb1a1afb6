import { describe, expect, it } from 'vitest';
import { GlossError } from '../errors';
import { JobRunner, type JobContext } from './runner';

/** A job whose steps the test releases one at a time. */
function steppedWork(steps: number) {
  const gates: Array<() => void> = [];
  const next = () => new Promise<void>((ok) => gates.push(ok));
  const work = async ({ signal, progress }: JobContext) => {
    progress({ total: steps, label: 'starting' });
    let done = 0;
    for (; done < steps; done++) {
      await next();
      if (signal.aborted) return { summary: `Stopped after ${done} steps.` };
      progress({ done: done + 1, label: `step ${done + 1}` });
    }
    return { summary: `Did ${done} steps.` };
  };
  const release = async () => {
    while (!gates.length) await new Promise((ok) => setImmediate(ok));
    gates.shift()!();
    await new Promise((ok) => setImmediate(ok));
  };
  return { work, release };
}

describe('JobRunner', () => {
  it('reports progress while running and the outcome when done', async () => {
    const runner = new JobRunner();
    const { work, release } = steppedWork(3);
    const job = runner.start('export', 'Export', work);
    expect(job.state).toBe('running');
    await release();
    expect(runner.list()[0]!.progress).toEqual({ done: 1, total: 3, label: 'step 1' });
    await release();
    await release();
    const finished = await runner.wait(job.id);
    expect(finished).toMatchObject({ state: 'done', outcome: { summary: 'Did 3 steps.' }, error: null });
    expect(finished.finishedAt).not.toBeNull();
  });

  it('cancels through the signal and keeps the partial outcome the work returns', async () => {
    const runner = new JobRunner();
    const { work, release } = steppedWork(5);
    const job = runner.start('import', 'Import', work);
    await release();
    expect(runner.cancel(job.id).cancelling).toBe(true);
    await release();
    const finished = await runner.wait(job.id);
    expect(finished).toMatchObject({
      state: 'cancelled',
      cancelling: false,
      outcome: { summary: 'Stopped after 1 steps.' },
      error: null,
    });
  });

  it('counts a job that throws after a cancel as cancelled, not failed', async () => {
    const runner = new JobRunner();
    const job = runner.start('backup', 'Backup', async ({ signal }) => {
      if (!signal.aborted) await new Promise((ok) => signal.addEventListener('abort', ok));
      signal.throwIfAborted();
      return { summary: 'never' };
    });
    runner.cancel(job.id);
    await expect(runner.wait(job.id)).resolves.toMatchObject({ state: 'cancelled', outcome: null, error: null });
  });

  it('keeps a failure as a clear error', async () => {
    const runner = new JobRunner();
    const job = runner.start('restore', 'Restore', async () => {
      throw new GlossError('corrupt-file', 'The backup cannot be restored: it is empty.');
    });
    await expect(runner.wait(job.id)).resolves.toMatchObject({
      state: 'failed',
      error: { code: 'corrupt-file', message: 'The backup cannot be restored: it is empty.' },
    });
  });

  it('runs one job of a kind at a time, and an exclusive job alone', async () => {
    const runner = new JobRunner();
    const first = steppedWork(1);
    const job = runner.start('export', 'Export the library', first.work);
    expect(() => runner.start('export', 'Export again', steppedWork(1).work)).toThrow(
      /Export the library” is still running/,
    );
    expect(() => runner.start('move', 'Move', steppedWork(1).work, { exclusive: true })).toThrow(/still running/);
    const other = steppedWork(1);
    const backup = runner.start('backup', 'Backup', other.work);
    await first.release();
    await other.release();
    await runner.wait(job.id);
    await runner.wait(backup.id);
    const move = steppedWork(1);
    const moving = runner.start('move', 'Move the library', move.work, { exclusive: true });
    expect(() => runner.start('export', 'Export', steppedWork(1).work)).toThrow(/Move the library” is still running/);
    await move.release();
    await expect(runner.wait(moving.id)).resolves.toMatchObject({ state: 'done' });
    runner.start('export', 'Export after the move', async () => ({ summary: 'ok' }));
  });

  it('lists newest first, dismisses finished jobs only, and refuses unknown ids', async () => {
    const runner = new JobRunner();
    const a = runner.start('export', 'A', async () => ({ summary: 'a' }));
    const b = steppedWork(1);
    const running = runner.start('import', 'B', b.work);
    expect(runner.list().map((j) => j.title)).toEqual(['B', 'A']);
    await runner.wait(a.id);
    expect(() => runner.dismiss(running.id)).toThrow(/still running/);
    runner.dismiss(a.id);
    expect(runner.list().map((j) => j.title)).toEqual(['B']);
    expect(() => runner.cancel('nope')).toThrow(/No job/);
    await b.release();
    await runner.wait(running.id);
  });
});
