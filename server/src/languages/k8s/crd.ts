// Custom resources validated from their CustomResourceDefinition's openAPIV3Schema: the
// VerticalPodAutoscaler CRDs shipped in crdTable.ts, and any CRD document (apiextensions.k8s.io/v1)
// in this file or the workspace. A CRD schema is converted once into the same definition
// format as the built-in table, so k8s/schema walks both alike. Custom resources with no CRD
// in view are left alone.

import { toJS } from './yamlJs';
import { BUILTIN_CRDS_JSON } from './crdTable';
import type { K8sObject } from './model';
import type { Definition, FieldExtras, Field, ValueConstraints } from './schema';
import { type Schemas } from './schema';

export interface SchemaLookup {
  definition(name: string): Definition | undefined;
  description(id: number): string | undefined;
}

interface CrdVersion {
  name: string;
  schema?: Record<string, unknown>;
}
interface CrdSpec {
  group: string;
  kind: string;
  versions: CrdVersion[];
  /** Where it came from, for messages: "built in" or the CRD's name. */
  origin: string;
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; items?: JsonSchema; additionalProperties?: JsonSchema | boolean; required?: string[]; enum?: unknown[] };

/** One CRD version's schema as definitions; metadata and unknown names fall back to the built-in table. */
export class CrdSchemas implements SchemaLookup {
  private readonly defs = new Map<string, Definition>();
  private readonly strings: string[] = [];
  readonly root: string;

  constructor(
    readonly spec: CrdSpec,
    version: CrdVersion,
    private readonly builtin: Schemas,
  ) {
    this.root = `crd.${spec.group}.${version.name}.${spec.kind}`;
    const schema = (version.schema ?? {}) as JsonSchema;
    const rootType = this.convert({ ...schema, type: 'object', properties: { ...(schema.properties ?? {}), apiVersion: { type: 'string' }, kind: { type: 'string' } } }, this.root);
    const def = this.defs.get(rootType.slice(1));
    // The API server owns metadata: validate it as ObjectMeta whatever the CRD says.
    if (def?.p) def.p.metadata = ['#meta.v1.ObjectMeta', -1];
  }

  definition(name: string): Definition | undefined {
    return this.defs.get(name) ?? this.builtin.definition(name);
  }

  description(id: number): string | undefined {
    return id <= -2 ? this.strings[-id - 2] : this.builtin.description(id);
  }

  private describe(d: unknown): number {
    if (typeof d !== 'string' || !d) return -1;
    this.strings.push(d);
    return -(this.strings.length + 1);
  }

  private convert(s: JsonSchema | undefined, name: string): string {
    if (!s || typeof s !== 'object') return 'any';
    if (s['x-kubernetes-int-or-string']) return 'ios';
    if (s['x-kubernetes-preserve-unknown-fields'] || s['x-kubernetes-embedded-resource']) return 'any';
    switch (s.type) {
      case 'object': {
        if (s.properties) {
          const p: Record<string, Field> = {};
          for (const [key, prop] of Object.entries(s.properties)) {
            const extras = extrasOf(prop);
            p[key] = extras ? [this.convert(prop, `${name}.${key}`), this.describe(prop.description), extras] : [this.convert(prop, `${name}.${key}`), this.describe(prop.description)];
          }
          this.defs.set(name, { t: 'o', d: this.describe(s.description), p, r: Array.isArray(s.required) ? s.required : undefined });
          return `#${name}`;
        }
        if (s.additionalProperties && typeof s.additionalProperties === 'object') return `m${this.convert(s.additionalProperties, `${name}.value`)}`;
        return 'any';
      }
      case 'array':
        return `a${this.convert(s.items, `${name}.item`)}`;
      case 'string':
        return s.format === 'date-time' ? 'time' : s.format === 'byte' ? 'bytes' : 's';
      case 'integer':
        return s.format === 'int32' ? 'i32' : 'i64';
      case 'number':
        return 'n';
      case 'boolean':
        return 'b';
      default:
        return 'any';
    }
  }
}

function extrasOf(s: JsonSchema): FieldExtras | undefined {
  const x: FieldExtras = {};
  const item = s.type === 'array' ? s.items : s;
  if (Array.isArray(item?.enum)) x.e = item.enum.filter((v): v is string => typeof v === 'string');
  if (s['x-kubernetes-list-type'] === 'map' && Array.isArray(s['x-kubernetes-list-map-keys'])) x.k = s['x-kubernetes-list-map-keys'] as string[];
  if (s['x-kubernetes-list-type'] === 'set') x.set = 1;
  const c = constraintsOf(s);
  if (c) x.c = c;
  return x.e || x.k || x.set || x.c ? x : undefined;
}

const NUMERIC_CONSTRAINTS = ['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/** The value constraints of one schema node; undefined when it has none (most do not). */
function constraintsOf(s: JsonSchema): ValueConstraints | undefined {
  const c: ValueConstraints = {};
  let any = false;
  for (const k of NUMERIC_CONSTRAINTS) {
    if (typeof s[k] === 'number' && Number.isFinite(s[k])) {
      c[k] = s[k] as number;
      any = true;
    }
  }
  if (s.exclusiveMinimum === true) c.exclusiveMinimum = true;
  if (s.exclusiveMaximum === true) c.exclusiveMaximum = true;
  if (typeof s.pattern === 'string') {
    c.pattern = s.pattern;
    any = true;
  }
  return any ? c : undefined;
}

let builtinSpecs: CrdSpec[] | undefined;
const builtins = (): CrdSpec[] => (builtinSpecs ??= (JSON.parse(BUILTIN_CRDS_JSON) as Omit<CrdSpec, 'origin'>[]).map((c) => ({ ...c, origin: 'built in' })));

/** A CRD object of the workspace, read as a spec; undefined when it is not a usable v1 CRD. */
function specOf(obj: K8sObject): CrdSpec | undefined {
  if (obj.kind !== 'CustomResourceDefinition' || obj.apiVersion !== 'apiextensions.k8s.io/v1') return undefined;
  const spec = toJS(obj, obj.get(obj.root, 'spec')) as { group?: unknown; names?: { kind?: unknown }; versions?: Array<{ name?: unknown; served?: unknown; schema?: { openAPIV3Schema?: unknown } }> } | undefined;
  if (!spec || typeof spec.group !== 'string' || typeof spec.names?.kind !== 'string' || !Array.isArray(spec.versions)) return undefined;
  const versions = spec.versions.filter((v) => v && v.served !== false && typeof v.name === 'string').map((v) => ({ name: v.name as string, schema: v.schema?.openAPIV3Schema as Record<string, unknown> | undefined }));
  return { group: spec.group, kind: spec.names.kind, versions, origin: obj.name ?? 'a CustomResourceDefinition' };
}

const converted = new WeakMap<object, Map<string, CrdSchemas>>();

function schemasOf(spec: CrdSpec, key: object, version: string, builtin: Schemas): CrdSchemas | undefined {
  let perVersion = converted.get(key);
  if (!perVersion) converted.set(key, (perVersion = new Map()));
  const id = `${builtin.release}/${version}`;
  let s = perVersion.get(id);
  if (!s) {
    const v = spec.versions.find((x) => x.name === version);
    if (!v?.schema) return undefined;
    perVersion.set(id, (s = new CrdSchemas(spec, v, builtin)));
  }
  return s;
}

/**
 * The CRD schema for a custom resource: a CRD object in view (this file first, then the
 * workspace) wins over the built-in table. `crdObjects`: the CustomResourceDefinition
 * objects the workspace holds.
 */
export function crdSchemasFor(apiVersion: string, kind: string, crdObjects: K8sObject[], builtin: Schemas): CrdSchemas | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  for (const obj of crdObjects) {
    const spec = specCache(obj);
    if (spec && spec.group === group && spec.kind === kind && spec.versions.some((v) => v.name === version)) return schemasOf(spec, obj, version, builtin);
  }
  const b = builtins().find((c) => c.group === group && c.kind === kind && c.versions.some((v) => v.name === version));
  return b ? schemasOf(b, b, version, builtin) : undefined;
}

const specs = new WeakMap<K8sObject, CrdSpec | null>();
function specCache(obj: K8sObject): CrdSpec | undefined {
  let s = specs.get(obj);
  if (s === undefined) specs.set(obj, (s = specOf(obj) ?? null));
  return s ?? undefined;
}
