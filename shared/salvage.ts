// Keeps what is valid in a value read from disk: walks a zod schema and, where a field is wrong,
// drops only that field (its default comes back), an element of a list or map only when it cannot
// stand without the bad field. "What is valid is kept", at every depth.
import { z } from 'zod';

/** What salvaging one value gave: the input to keep (unparsed), or nothing worth keeping. */
type Kept = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

const DROP: Kept = { ok: false };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The most entries a list or map may hold, when its schema says so (`maxEntries` in its meta). */
function maxEntries(schema: z.ZodType): number {
  const meta = schema.meta();
  const fromMeta = meta?.['maxEntries'];
  if (typeof fromMeta === 'number') return fromMeta;
  const bag = (schema as { _zod: { bag: { maximum?: unknown } } })._zod.bag;
  return typeof bag.maximum === 'number' ? bag.maximum : Infinity;
}

/** Keeps the valid fields of an object; its unknown keys are dropped. */
function salvageObject(schema: z.ZodObject, value: unknown): Kept {
  if (!isPlainObject(value)) return DROP;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if (!(key in value)) continue;
    const part = salvageValue(field as z.ZodType, value[key]);
    if (part.ok && part.value !== undefined) kept[key] = part.value;
  }
  return schema.safeParse(kept).success ? { ok: true, value: kept } : DROP;
}

function salvageArray(schema: z.ZodArray, value: unknown): Kept {
  if (!Array.isArray(value)) return DROP;
  const kept = value
    .map((element) => salvageValue(schema.element as z.ZodType, element))
    .flatMap((part) => (part.ok && part.value !== undefined ? [part.value] : []))
    .slice(0, maxEntries(schema));
  return schema.safeParse(kept).success ? { ok: true, value: kept } : DROP;
}

function salvageRecord(schema: z.ZodRecord, value: unknown): Kept {
  if (!isPlainObject(value)) return DROP;
  const kept: Record<string, unknown> = {};
  let count = 0;
  const limit = maxEntries(schema);
  for (const [key, entry] of Object.entries(value)) {
    if (count >= limit) break;
    if (!(schema.keyType as z.ZodType).safeParse(key).success) continue;
    const part = salvageValue(schema.valueType as z.ZodType, entry);
    if (part.ok && part.value !== undefined) {
      kept[key] = part.value;
      count++;
    }
  }
  return schema.safeParse(kept).success ? { ok: true, value: kept } : DROP;
}

/**
 * Salvages `value` against `schema`: the value itself when valid; otherwise, for objects, lists
 * and maps, the same with only their invalid parts removed; `undefined` (use the default) where a
 * field may be absent; nothing when even that cannot be valid.
 */
export function salvageValue(schema: z.ZodType, value: unknown): Kept {
  if (schema.safeParse(value).success) return { ok: true, value };
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) {
    const inner = salvageValue(schema.unwrap() as z.ZodType, value);
    return inner.ok ? inner : { ok: true, value: undefined };
  }
  if (schema instanceof z.ZodNullable) return salvageValue(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodObject) return salvageObject(schema, value);
  if (schema instanceof z.ZodArray) return salvageArray(schema, value);
  if (schema instanceof z.ZodRecord) return salvageRecord(schema, value);
  if (schema instanceof z.ZodUnion) {
    // A discriminated union: only the option whose tag matches can take what is left.
    for (const option of schema.options) {
      const part = salvageValue(option as z.ZodType, value);
      if (part.ok && part.value !== undefined) return part;
    }
  }
  return DROP;
}
