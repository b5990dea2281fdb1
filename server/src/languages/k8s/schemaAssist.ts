// Hover and completion from the schema table: the definition a field path leads to, its
// type and OpenAPI description, the fields a map may hold and the values an enum allows.
// Paths are what nodePath.ts reads under the cursor (keys and list indexes), or, while the
// user is typing a key the YAML cannot parse yet, what the indentation above says.

import type { CompletionEntry } from '../../core/languageService';
import type { K8sObject } from './model';
import { type Definition, type Field, type Schemas, typeLabel } from './schema';
import { FIELD_ENUMS } from './schemaEnums';

export interface Resolved {
  /** The field's own entry, when the path ends at a field (not the root). */
  field?: Field;
  /** "core.v1.Container.image" style name of the field, for FIELD_ENUMS. */
  fieldName?: string;
  /** The type at the end of the path ("#core.v1.Container", "s", "aS"...). */
  type: string;
}

/** Follows a path (keys and indexes) from a kind's definition. */
export function resolvePath(schemas: Schemas, apiVersion: string, kind: string, path: ReadonlyArray<string | number>): Resolved | undefined {
  const root = schemas.kindName(apiVersion, kind);
  if (!root) return undefined;
  let type = `#${root}`;
  let field: Field | undefined;
  let fieldName: string | undefined;
  for (const step of path) {
    if (type.startsWith('#')) {
      const name = type.slice(1);
      const def = schemas.definition(name);
      if (!def?.p || typeof step !== 'string') return undefined;
      field = def.p[step];
      if (!field) return undefined;
      fieldName = `${name}.${step}`;
      type = field[0];
    } else if (type.startsWith('a') && typeof step === 'number') {
      type = type.slice(1);
    } else if (type.startsWith('m') && typeof step === 'string') {
      type = type.slice(1);
      field = undefined;
    } else return undefined;
  }
  return { field, fieldName, type };
}

/** The definition a type names, looking through lists and maps (`[]Container` -> Container). */
export function definitionOf(schemas: Schemas, type: string): [string, Definition] | undefined {
  const bare = type.replace(/^[am]+/, '');
  if (!bare.startsWith('#')) return undefined;
  const def = schemas.definition(bare.slice(1));
  return def ? [bare.slice(1), def] : undefined;
}

export function enumOf(r: Resolved): readonly string[] | undefined {
  const listed = r.fieldName ? FIELD_ENUMS[r.fieldName] : undefined;
  return listed?.length ? listed : r.field?.[2]?.e;
}

/** Markdown for a field: name, type, required, enum values, description. */
export function fieldHover(schemas: Schemas, obj: K8sObject, path: ReadonlyArray<string | number>): string | undefined {
  const r = resolvePath(schemas, obj.apiVersion, obj.kind, path);
  if (!r) return undefined;
  const name = [...path].reverse().find((s) => typeof s === 'string');
  const description = r.field ? schemas.description(r.field[1]) : definitionOf(schemas, r.type)?.[1] ? schemas.description(definitionOf(schemas, r.type)![1].d) : undefined;
  const parentPath = path.slice(0, path.lastIndexOf(name as string));
  const parent = resolvePath(schemas, obj.apiVersion, obj.kind, parentPath);
  const parentDef = parent ? definitionOf(schemas, parent.type)?.[1] : undefined;
  const required = name && parentDef?.r?.includes(name as string) ? ' · required' : '';
  const values = enumOf(r);
  return [
    `**${name ?? obj.kind}** \`${typeLabel(r.type)}\`${required} — ${obj.apiVersion} ${obj.kind}, Kubernetes ${schemas.release}`,
    description ? `\n${description}` : '',
    values?.length ? `\nValues: ${values.map((v) => `\`${v}\``).join(', ')}` : '',
  ].join('\n').trim();
}

/** Field-name completions for the map at `path`, without the keys already there. */
export function fieldCompletions(schemas: Schemas, apiVersion: string, kind: string, path: ReadonlyArray<string | number>, present: ReadonlySet<string>): CompletionEntry[] {
  const r = path.length === 0 ? { type: `#${schemas.kindName(apiVersion, kind) ?? ''}` } : resolvePath(schemas, apiVersion, kind, path);
  if (!r) return [];
  const target = definitionOf(schemas, r.type.startsWith('a') ? r.type.slice(1) : r.type);
  if (!target?.[1].p) return [];
  const [, def] = target;
  return Object.entries(def.p!)
    .filter(([name]) => !present.has(name) && name !== 'status')
    .map(([name, field]) => ({
      label: name,
      kind: 'property' as const,
      detail: `${typeLabel(field[0])}${def.r?.includes(name) ? ' (required)' : ''}`,
      documentation: schemas.description(field[1]),
      insertText: `${name}: `,
      sortText: `${def.r?.includes(name) ? 0 : 1}${name}`,
    }));
}
