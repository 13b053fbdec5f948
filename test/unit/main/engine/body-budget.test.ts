// The bytes all checks may hold at once: a body that does not fit waits, and its deadline still holds.
import { describe, expect, it } from 'vitest';
import { BodyBudget } from '../../../../main/engine/net/body-budget';

describe('the body budget', () => {
  it('a reader waits while the budget is spent and goes on, in order, as bytes are given back', async () => {
    const budget = new BodyBudget(100);
    const live = new AbortController().signal;
    await budget.take(80, live);
    const order: string[] = [];
    const second = budget.take(50, live).then(() => order.push('second'));
    const third = budget.take(10, live).then(() => order.push('third'));
    await Promise.resolve();
    expect(order).toEqual([]);
    budget.give(80);
    await Promise.all([second, third]);
    expect(order).toEqual(['second', 'third']);
    expect(budget.peak).toBe(80);
  });

  it('one body alone always gets what it asks, even more than the budget', async () => {
    const budget = new BodyBudget(100);
    await expect(budget.take(500, new AbortController().signal)).resolves.toBeUndefined();
  });

  it("a waiting reader's deadline ends its wait, and it takes nothing", async () => {
    const budget = new BodyBudget(100);
    const live = new AbortController().signal;
    await budget.take(100, live);
    const deadline = new AbortController();
    const waiting = budget.take(10, deadline.signal);
    deadline.abort(new Error('timed out after 8000 ms'));
    await expect(waiting).rejects.toThrow('timed out after 8000 ms');
    budget.give(100);
    await budget.take(100, live);
    expect(budget.peak).toBe(100);
  });
});
