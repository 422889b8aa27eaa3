// Where text goes in a request: the string fields a body schema declares (as body paths, `0` for any
// array element), and the string leaves of a JSON value, for the families and walks that put
// ill-formed text (a lone UTF-16 surrogate) into each of them.
import type { z } from 'zod';

type Path = Array<string | number>;
interface Def { type: string; [key: string]: unknown }

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Every string field `schema` declares, through objects, arrays, tuples, unions, wrappers and pipes (their input side). */
export function declaredStringFields(schema: z.ZodType, path: Path = []): Path[] {
  const def = defOf(schema);
  const inner = (s: unknown, at: Path = path) => declaredStringFields(s as z.ZodType, at);
  switch (def.type) {
    case 'string': return [path];
    case 'object': return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, s]) => inner(s, [...path, key]));
    case 'array': return inner(def.element, [...path, 0]);
    case 'tuple': return (def.items as unknown[]).flatMap((s, i) => inner(s, [...path, i]));
    case 'union': return (def.options as unknown[]).flatMap((s) => inner(s));
    case 'pipe': return inner(def.in);
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional': return inner(def.innerType);
    default: return [];
  }
}

/** The string leaves of a JSON value, by path. */
export function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

/** A deep copy of `value` with the string at `path` replaced by `replace(old)`. */
export function withLeaf(value: unknown, path: Path, replace: (old: string) => string): unknown {
  if (path.length === 0) return replace(value as string);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withLeaf(copy[head!], rest, replace);
  return copy;
}

/** Field paths as the server's validation message names them (`damageItems.0.area`). */
export const dotted = (path: Path): string => path.join('.');

/** Array indexes as `0`, to compare a body's leaves with the fields a schema declares. */
export const generic = (path: Path): string => path.map((p) => (typeof p === 'number' ? 0 : p)).join('.');
