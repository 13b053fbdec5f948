// Continuity playbooks (docs/design.md#playbooks): what to do before, during and after an
// outage, as data validated with zod. Shared, so the window checks an edit with the rules main
// applies before saving it.
import { z } from 'zod';

/**
 * Where a step acts. `platform` is the failed service itself ("resume campaigns on it"): such a
 * step is never the first suggestion while the platform is down.
 */
export const CHANNELS = [
  'sms',
  'phone',
  'email',
  'signal',
  'telegram',
  'whatsapp',
  'messenger',
  'facebook',
  'instagram',
  'tiktok',
  'linkedin',
  'x',
  'slack',
  'website',
  'google-business-profile',
  'platform',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PLAYBOOK_CATEGORIES = [
  'messaging',
  'social',
  'ads-commerce',
  'email-office',
  'website',
  'payments',
  'ecommerce',
  'delivery',
  'hosting',
] as const;
export type PlaybookCategory = (typeof PLAYBOOK_CATEGORIES)[number];

export const SECTIONS = ['before', 'during', 'after'] as const;
export type Section = (typeof SECTIONS)[number];

const text = (max: number) => z.string().trim().min(1, 'empty').max(max, 'tooLong');

/** Shipped text exists in every language; text a person typed is kept as typed. */
export const localTextSchema = z.union([
  text(300),
  z.strictObject({ en: text(300), fr: text(300), ar: text(300) }),
]);
export type LocalText = z.infer<typeof localTextSchema>;

export { textIn } from './local-text';

export const stepIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'badId');

export const stepSchema = z.strictObject({
  id: stepIdSchema,
  title: localTextSchema,
  why: localTextSchema.optional(),
  link: z
    .string()
    .refine((u) => URL.canParse(u) && new URL(u).protocol === 'https:', 'linkNotHttps')
    .optional(),
  channel: z.enum(CHANNELS).optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const playbookSchema = z
  .strictObject({
    id: stepIdSchema,
    name: localTextSchema,
    category: z.enum(PLAYBOOK_CATEGORIES),
    before: z.array(stepSchema).max(40, 'tooMany'),
    during: z.array(stepSchema).max(40, 'tooMany'),
    after: z.array(stepSchema).max(40, 'tooMany'),
  })
  .superRefine((playbook, ctx) => {
    const seen = new Set<string>();
    for (const section of SECTIONS) {
      playbook[section].forEach((step, index) => {
        if (seen.has(step.id))
          ctx.addIssue({ code: 'custom', message: 'duplicateStep', path: [section, index, 'id'] });
        seen.add(step.id);
      });
    }
  });
export type Playbook = z.infer<typeof playbookSchema>;

/** A ready-to-send message; `channels` are where it fits. */
export const messageTemplateSchema = z.strictObject({
  id: stepIdSchema,
  name: localTextSchema,
  channels: z.array(z.enum(CHANNELS)).min(1),
  /** When it makes sense: during the outage, after it, or both when not said. */
  when: z.enum(['during', 'after']).optional(),
  text: z.union([
    z.string().trim().min(1, 'empty').max(1000, 'tooLong'),
    z.strictObject({ en: text(1000), fr: text(1000), ar: text(1000) }),
  ]),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

/** Who the messages speak for. */
export const profileSchema = z.strictObject({
  businessName: z.string().trim().max(80, 'tooLong').default(''),
  /** "06 12 34 56 78 or hello@shop.example". */
  contact: z.string().trim().max(120, 'tooLong').default(''),
});
export type Profile = z.infer<typeof profileSchema>;

export const PLAYBOOKS_VERSION = 1;

/** The user's file: edited playbooks and messages (over the shipped ones), choices, readiness. */
export const playbooksFileSchema = z.strictObject({
  version: z.literal(PLAYBOOKS_VERSION).default(PLAYBOOKS_VERSION),
  playbooks: z.array(playbookSchema).default([]),
  messages: z.array(messageTemplateSchema).default([]),
  /** serviceId → playbook id. */
  assignments: z.record(z.string(), stepIdSchema).default({}),
  /** "Before" steps done, by step id: when, and an optional note. */
  readiness: z
    .record(z.string(), z.strictObject({ at: z.number(), note: z.string().max(500).optional() }))
    .default({}),
  profile: profileSchema.default({ businessName: '', contact: '' }),
});
export type PlaybooksFile = z.infer<typeof playbooksFileSchema>;

/** Which services each channel depends on: a channel is down when one of them is. */
export const CHANNEL_SERVICES: Readonly<Record<Channel, readonly string[]>> = {
  sms: [],
  phone: [],
  email: ['google-workspace', 'microsoft-365'],
  signal: ['signal'],
  telegram: ['telegram'],
  whatsapp: ['whatsapp', 'whatsapp-business'],
  messenger: ['messenger'],
  facebook: ['facebook'],
  instagram: ['instagram'],
  tiktok: ['tiktok'],
  linkedin: ['linkedin'],
  x: ['x'],
  slack: ['slack'],
  website: [],
  'google-business-profile': [],
  platform: [],
};

/** What to use instead when a channel is down, best first. */
export const ALTERNATIVES: Readonly<Record<Channel, readonly Channel[]>> = {
  sms: ['phone', 'email'],
  phone: ['sms', 'email'],
  email: ['sms', 'phone'],
  signal: ['telegram', 'sms', 'phone'],
  telegram: ['signal', 'sms', 'phone'],
  whatsapp: ['sms', 'phone', 'signal', 'telegram'],
  messenger: ['sms', 'phone', 'email'],
  facebook: ['website', 'google-business-profile', 'linkedin', 'email'],
  instagram: ['website', 'google-business-profile', 'linkedin', 'email'],
  tiktok: ['instagram', 'facebook', 'website', 'google-business-profile'],
  linkedin: ['website', 'email'],
  x: ['website', 'linkedin', 'email'],
  slack: ['signal', 'telegram', 'phone', 'email'],
  website: ['google-business-profile', 'email', 'linkedin'],
  'google-business-profile': ['website', 'email'],
  platform: ['sms', 'phone', 'email', 'website'],
};
