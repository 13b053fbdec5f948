// "Add your own service" (the shop's website, a booking page): the form a person fills in, and the
// service definition it becomes. Shared, so the window validates each field as it is typed with
// the very rules main applies before trying and saving.
import { z } from 'zod';
import { serviceSchema, type ServiceConfig } from './config-schema';

/** Codes the window translates, one per way a field can be wrong. */
export type OwnServiceProblem =
  'nameMissing' | 'nameTooLong' | 'urlInvalid' | 'urlNotWeb' | 'statusInvalid' | 'duplicate';

export const ownServiceFormSchema = z.strictObject({
  name: z.string().trim().min(1, 'nameMissing').max(80, 'nameTooLong'),
  url: z
    .string()
    .trim()
    .refine((value) => URL.canParse(value), 'urlInvalid')
    .refine((value) => {
      const url = URL.canParse(value) ? new URL(value) : null;
      return (
        !url || ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '')
      );
    }, 'urlNotWeb'),
  /** The status a healthy answer has; empty means any 2xx or 3xx. */
  expectStatus: z.number().int().min(100, 'statusInvalid').max(599, 'statusInvalid').nullable(),
});

export type OwnServiceForm = z.infer<typeof ownServiceFormSchema>;

/** The problem of each field, by field name (none when the form is valid). */
export function ownServiceProblems(
  form: unknown,
  takenNames: readonly string[] = [],
): Partial<Record<keyof OwnServiceForm, OwnServiceProblem>> {
  const parsed = ownServiceFormSchema.safeParse(form);
  const problems: Partial<Record<keyof OwnServiceForm, OwnServiceProblem>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof OwnServiceForm;
      problems[field] ??= (issue.message as OwnServiceProblem) ?? 'urlInvalid';
    }
    return problems;
  }
  const name = parsed.data.name.toLowerCase();
  if (takenNames.some((taken) => taken.toLowerCase() === name)) problems.name = 'duplicate';
  return problems;
}

/** A stable id from the name: `own-` and its letters and digits, unique among `takenIds`. */
export function ownServiceId(name: string, takenIds: readonly string[]): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'service';
  let id = `own-${slug}`;
  for (let n = 2; takenIds.includes(id); n++) id = `own-${slug}-${n}`;
  return id;
}

/**
 * The definition a valid form becomes: one HTTP HEAD request per cycle (a few hundred bytes on
 * metered data), healthy on the expected status or on any 2xx/3xx.
 */
export function ownServiceDefinition(
  form: OwnServiceForm,
  takenIds: readonly string[],
): ServiceConfig {
  return serviceSchema.parse({
    id: ownServiceId(form.name, takenIds),
    name: form.name.trim(),
    category: 'website',
    critical: false,
    enabled: true,
    probes: [
      {
        kind: 'http',
        url: form.url.trim(),
        expectStatus: form.expectStatus ?? [200, 399],
      },
    ],
  });
}
