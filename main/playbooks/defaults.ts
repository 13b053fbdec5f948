// The shipped playbooks and customer messages, in English, French and Arabic: data in
// default-playbooks.json, expanded (steps are shared between variants) and validated here.
import {
  messageTemplateSchema,
  playbookSchema,
  SECTIONS,
  stepSchema,
  type MessageTemplate,
  type Playbook,
  type PlaybookCategory,
  type Step,
} from '../../shared/playbook-schema';
import data from './default-playbooks.json';

interface DefaultsData {
  readonly steps: Record<string, Omit<Step, 'id'>>;
  readonly playbooks: readonly (Record<string, unknown> & {
    readonly before: readonly string[];
    readonly during: readonly string[];
    readonly after: readonly string[];
  })[];
  readonly messages: readonly unknown[];
}

let cached: { playbooks: Playbook[]; messages: MessageTemplate[] } | null = null;

/** The shipped playbooks and messages (a broken file is a bug: it throws naming the place). */
export function defaults(): { playbooks: Playbook[]; messages: MessageTemplate[] } {
  if (cached) return cached;
  const source = data as unknown as DefaultsData;
  const step = (id: string): Step => {
    const found = source.steps[id];
    if (!found) throw new Error(`default playbooks: unknown step ${id}`);
    return stepSchema.parse({ id, ...found });
  };
  const playbooks = source.playbooks.map((p) => {
    const expanded = { ...p, ...Object.fromEntries(SECTIONS.map((s) => [s, p[s].map(step)])) };
    const parsed = playbookSchema.safeParse(expanded);
    if (!parsed.success)
      throw new Error(`default playbook ${String(p['id'])}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
  const messages = source.messages.map((m) => messageTemplateSchema.parse(m));
  cached = { playbooks, messages };
  return cached;
}

/** Which shipped playbook each catalog category follows (the rest get the office one). */
const CATEGORY_PLAYBOOK: Readonly<Record<string, PlaybookCategory>> = {
  messaging: 'messaging',
  social: 'social',
  'social-tools': 'social',
  ads: 'ads-commerce',
  'ads-commerce': 'ads-commerce',
  ecommerce: 'ecommerce',
  payments: 'payments',
  delivery: 'delivery',
  hosting: 'hosting',
  website: 'website',
};

/** The shipped playbook for a category. */
export function defaultPlaybookId(category: string): string {
  return `default-${CATEGORY_PLAYBOOK[category] ?? 'email-office'}`;
}
