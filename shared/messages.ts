// Customer messages: a template's text in the chosen language with its placeholders filled
// ({service}, {provider}, {business}, {contact}, {start}, {update}); a value not given yet stays
// visible in brackets so nobody sends "call us at ." by mistake. Only templates with a channel
// believed to be working are offered, and only those channels.
import type { Channel, MessageTemplate } from './playbook-schema';
import { textIn } from './playbook-schema';

export const PLACEHOLDERS = [
  'service',
  'provider',
  'business',
  'contact',
  'start',
  'update',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * Fills `{name}` placeholders; a missing value becomes `[label]` from `missing`, and its name is
 * listed (such a text is not ready to send).
 */
export function fillMessage(
  text: string,
  values: Partial<Record<Placeholder, string>>,
  missing: (name: Placeholder) => string,
): { text: string; missing: Placeholder[] } {
  const unfilled = new Set<Placeholder>();
  const filled = text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = values[name as Placeholder]?.trim();
    if (value) return value;
    unfilled.add(name as Placeholder);
    return `[${missing(name as Placeholder)}]`;
  });
  return { text: filled, missing: [...unfilled] };
}

export interface OfferedMessage {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  /** The channels it fits that work now. */
  readonly channels: readonly Channel[];
  /** Placeholders with no value yet: the text shows them in brackets and is not ready to send. */
  readonly missing: readonly Placeholder[];
}

/** The messages that fit the phase and can be sent now, filled, in the language. */
export function offeredMessages(
  templates: readonly MessageTemplate[],
  phase: 'during' | 'after',
  down: ReadonlySet<Channel>,
  language: 'en' | 'fr' | 'ar',
  values: Partial<Record<Placeholder, string>>,
  missing: (name: Placeholder) => string,
): OfferedMessage[] {
  return templates.flatMap((template) => {
    if (template.when && template.when !== phase) return [];
    const channels = template.channels.filter((c) => !down.has(c));
    if (channels.length === 0) return [];
    return [
      {
        id: template.id,
        name: textIn(template.name, language),
        ...fillMessage(textIn(template.text, language), values, missing),
        channels,
      },
    ];
  });
}
