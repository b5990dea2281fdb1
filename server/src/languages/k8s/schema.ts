// The Kubernetes OpenAPI schemas of schemaTable.ts, per release: what a kind's object may
// hold, each field's type, enum, list keys and description. Schema validation, hover and
// completion read it. Type strings (compact, from scripts/gen-k8s-schemas.mjs):
//   s string, i32/i64 integer, n number, b boolean, ios int-or-string, q quantity,
//   time RFC 3339 time, bytes base64, any (anything), #Name a definition,
//   a<T> a list of T, m<T> a map of T, o an object (a definition's own type).

import { schemaJson } from './schemaJson';
import { SCHEMA_SOURCE } from './schemaTable';
import { type Version } from './version';

export interface FieldExtras {
  /** Enum values. */
  e?: string[];
  /** x-kubernetes-list-map-keys: the keys that make list items unique. */
  k?: string[];
  /** x-kubernetes-list-type: set. */
  set?: 1;
  min?: number;
  max?: number;
  /** A CRD schema's value constraints (the built-in OpenAPI table carries none). */
  c?: ValueConstraints;
}

/** OpenAPI value constraints of a structural schema, checked as apiextensions-apiserver does. */
export interface ValueConstraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
}

/** [type, description id, extras]. */
export type Field = [string, number, FieldExtras?];

export interface Definition {
  t: string;
  d: number;
  p?: Record<string, Field>;
  r?: string[];
}

interface Table {
  strings: string[];
  bodies: Definition[];
  releases: Record<string, { defs: Record<string, number>; kinds: Record<string, string> }>;
}

let table: Table | undefined;
const load = (): Table => (table ??= JSON.parse(schemaJson()) as Table);

export const SCHEMA_RELEASES: readonly string[] = SCHEMA_SOURCE.releases;

export class Schemas {
  private readonly defs: Record<string, number>;
  private readonly kinds: Record<string, string>;

  constructor(readonly release: string) {
    const r = load().releases[release];
    this.defs = r.defs;
    this.kinds = r.kinds;
  }

  /** The definition name of a served kind ("apps/v1/Deployment" -> "apps.v1.Deployment"). */
  kindName(apiVersion: string, kind: string): string | undefined {
    return this.kinds[`${apiVersion}/${kind}`];
  }

  definition(name: string): Definition | undefined {
    const id = this.defs[name];
    return id === undefined ? undefined : load().bodies[id];
  }

  description(id: number): string | undefined {
    return id >= 0 ? load().strings[id] : undefined;
  }

  /** Every apiVersion/kind served in this release. */
  servedKinds(): string[] {
    return Object.keys(this.kinds);
  }

  /** Whether an API group (the part of apiVersion before "/"; "" for core) is built in. */
  isBuiltinGroup(apiVersion: string): boolean {
    return builtinGroups().has(groupOf(apiVersion));
  }
}

export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

let groups: Set<string> | undefined;
function builtinGroups(): Set<string> {
  if (!groups) {
    groups = new Set();
    for (const r of Object.values(load().releases)) for (const k of Object.keys(r.kinds)) groups.add(groupOf(k.slice(0, k.lastIndexOf('/'))));
  }
  return groups;
}

const cache = new Map<string, Schemas>();

/** The schemas of the release for a target version: 1.29–1.35 exactly, older or newer the nearest. */
export function schemasFor(version: Version): Schemas {
  const wanted = `${version.major}.${version.minor}`;
  const release = SCHEMA_RELEASES.includes(wanted)
    ? wanted
    : version.major < 1 || (version.major === 1 && version.minor < 29)
      ? SCHEMA_RELEASES[0]
      : SCHEMA_RELEASES[SCHEMA_RELEASES.length - 1];
  let s = cache.get(release);
  if (!s) cache.set(release, (s = new Schemas(release)));
  return s;
}

/** The Go type the API server's decoder names in its errors ("int32", "[]v1.Container"). */
export function goType(type: string): string {
  if (type.startsWith('a')) return `[]${goType(type.slice(1))}`;
  if (type.startsWith('m')) return `map[string]${goType(type.slice(1))}`;
  if (type.startsWith('#')) {
    const parts = type.slice(1).split('.');
    return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
  }
  return GO_TYPES[type] ?? 'interface {}';
}

const GO_TYPES: Record<string, string> = { s: 'string', i32: 'int32', i64: 'int64', n: 'float64', b: 'bool', ios: 'intstr.IntOrString', q: 'resource.Quantity', time: 'v1.Time', bytes: '[]uint8', any: 'interface {}' };

/** A type as hover and completion show it ("integer (int32)", "[]Container"). */
export function typeLabel(type: string): string {
  if (type.startsWith('a')) return `[]${typeLabel(type.slice(1))}`;
  if (type.startsWith('m')) return `map[string]${typeLabel(type.slice(1))}`;
  if (type.startsWith('#')) return type.slice(type.lastIndexOf('.') + 1);
  return LABELS[type] ?? type;
}

const LABELS: Record<string, string> = { s: 'string', i32: 'integer (int32)', i64: 'integer (int64)', n: 'number', b: 'boolean', ios: 'integer or string', q: 'quantity', time: 'time (RFC 3339)', bytes: 'string (base64)', any: 'any' };
