// Form fields of the settings view: each keeps what the person typed, checks it with the same rule
// main applies, shows the problem beside the field (and to screen readers), and only commits a
// valid value (on Enter or when leaving the field). Toggles and lists commit at once.
import { useEffect, useId, useState, type ReactNode } from 'react';

function Problem({ id, text }: { readonly id: string; readonly text: string | null }) {
  return (
    <span id={id} className="field-problem" role={text ? 'alert' : undefined}>
      {text}
    </span>
  );
}

export function TextField({
  label,
  value,
  hint,
  check,
  onCommit,
  inputMode,
  type = 'text',
  className,
}: {
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  /** The problem with a draft, in words, or null when it can be saved. */
  readonly check: (draft: string) => string | null;
  /** Saves; resolves to a problem to show (main refused), or null. */
  readonly onCommit: (draft: string) => Promise<string | null>;
  readonly inputMode?: 'numeric' | 'text' | 'url';
  readonly type?: 'text' | 'time' | 'url';
  readonly className?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);
  const commit = async () => {
    if (draft === value) return setProblem(null);
    const local = check(draft);
    setProblem(local);
    if (local) return;
    const refused = await onCommit(draft);
    if (refused) setProblem(refused);
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        value={draft}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-problem${hint ? ` ${id}-hint` : ''}`}
        onChange={(e) => {
          setDraft(e.target.value);
          if (problem) setProblem(check(e.target.value));
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setProblem(null);
          }
        }}
      />
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <Problem id={`${id}-problem`} text={problem} />
    </div>
  );
}

/** A checkbox with its label, and a line under it saying what it costs or means (optional). */
export function Toggle({
  label,
  checked,
  onChange,
  disabled,
  hint,
}: {
  readonly label: ReactNode;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly disabled?: boolean;
  readonly hint?: string;
}) {
  const hintId = useId();
  return (
    <>
      <label className="toggle">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </>
  );
}

export function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly {
    readonly value: T;
    readonly label: string;
    readonly lang?: string;
  }[];
  readonly onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A whole number in [min, max], or the problem in words. */
export function wholeNumberIn(min: number, max: number, problem: string) {
  return (draft: string): string | null => {
    const n = Number(draft.trim());
    return draft.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? null : problem;
  };
}
