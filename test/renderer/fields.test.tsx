// @vitest-environment happy-dom
// A settings field: a bad value is named beside the field and never saved; a good one is saved on
// Enter; main's refusal is shown beside the field too; Escape gives back the saved value.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextField, wholeNumberIn } from '../../renderer/components/Fields';
import { fire, render, type Rendered } from './render';

let view: Rendered;
afterEach(() => view.unmount());

/** Types into a React-controlled input the way a browser does. */
async function type(input: HTMLInputElement, value: string): Promise<void> {
  await fire(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const press = (input: HTMLInputElement, key: string) =>
  fire(() => input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('a settings field', () => {
  it('refuses a bad value beside the field, saves a good one', async () => {
    const commit = vi.fn(async () => null);
    view = await render(
      <TextField
        label="Check every (seconds)"
        value="60"
        check={wholeNumberIn(30, 3600, 'Enter a whole number from 30 to 3600.')}
        onCommit={commit}
      />,
    );
    const input = view.container.querySelector('input')!;
    const problem = () => view.container.querySelector('.field-problem')?.textContent;
    await type(input, '5');
    await press(input, 'Enter');
    expect(problem()).toBe('Enter a whole number from 30 to 3600.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(
      view.container.querySelector('.field-problem')!.id,
    );
    expect(commit).not.toHaveBeenCalled();
    for (const bad of ['12.5', '', 'abc', '3601']) {
      await type(input, bad);
      await press(input, 'Enter');
      expect(problem()).not.toBe('');
    }
    await type(input, '120');
    expect(problem()).toBe('');
    await press(input, 'Enter');
    expect(commit).toHaveBeenCalledExactlyOnceWith('120');
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it("shows main's refusal beside the field, and Escape brings back the saved value", async () => {
    view = await render(
      <TextField
        label="From"
        value="22:00"
        check={() => null}
        onCommit={async () => 'quietHours.from: expected a time like 22:00'}
      />,
    );
    const input = view.container.querySelector('input')!;
    await type(input, '23:00');
    await press(input, 'Enter');
    expect(view.container.querySelector('.field-problem')?.textContent).toBe(
      'quietHours.from: expected a time like 22:00',
    );
    await press(input, 'Escape');
    expect(input.value).toBe('22:00');
    expect(view.container.querySelector('.field-problem')?.textContent).toBe('');
  });
});
