// k8s/schema: the object as the API server decodes it against the OpenAPI schema of the
// target release: unknown fields (strict field validation's `unknown field "spec.replicas"`),
// values of the wrong JSON type (the decoder's `cannot unmarshal string into Go struct field
// DeploymentSpec.spec.replicas of type int32`), required fields, enum values, quantities,
// int32 ranges and list-map keys. One rule id, so users who also run Red Hat's YAML
// extension with Kubernetes schemas can switch these findings off with one setting
// (`"infraLens.rules": {"k8s/schema": "off"}`); the focused rules stay on.
// Custom resources of unknown groups are left alone (CRD schemas: see crd.ts).

import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { duplicate, invalid, required, unsupported } from '../apiErrors';
import { type CheckContext, isPartial, replaceFix, report } from '../check';
import type { K8sObject } from '../model';
import { parseQuantity } from '../quantity';
import { crdSchemasFor, type SchemaLookup } from '../crd';
import { type Definition, type FieldExtras, goType, type Schemas, schemasFor, type ValueConstraints } from '../schema';
import { FIELD_ENUMS } from '../schemaEnums';

export const schema = defineRule({
  id: 'k8s/schema',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Object does not match the Kubernetes OpenAPI schema of the target version',
});

const INT32 = [-(2 ** 31), 2 ** 31 - 1];

// A CRD's pattern, compiled once; one JavaScript cannot compile (Go's RE2 syntax differs in
// corners) is not checked rather than guessed at. Nor is one with a quantified group that
// holds a quantifier or a back-reference: RE2 matches it in linear time, JavaScript's
// backtracking can take exponential time, and a workspace CRD must not hang the linter.
const BACKTRACKING_RISK = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{?]|\\[1-9]/;
const patterns = new Map<string, RegExp | null>();
function compiledPattern(source: string): RegExp | undefined {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = BACKTRACKING_RISK.test(source) ? null : new RegExp(source, 'u');
    } catch {
      re = null;
    }
    patterns.set(source, re);
  }
  return re ?? undefined;
}

/** multipleOf as go-openapi tests it: the quotient is an integer (with float slack). */
function isMultipleOf(v: number, factor: number): boolean {
  const q = v / factor;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** What the walk carries: where we are, as the API server's two path spellings. */
interface At {
  /** Field path with indexes, as field errors and strict validation print it. */
  path: string;
  /** Go struct field path (no indexes), as the JSON decoder prints it. */
  goPath: string;
  /** The Go struct that holds this field, for the decoder's message. */
  struct: string;
  /** The key this value sits under (where a "Required value" inside it is reported). */
  key?: Node;
}

class Walker {
  /** Alias targets already walked with a type: a node behind many aliases is checked once. */
  private readonly seen = new Set<string>();
  private readonly nodeIds = new WeakMap<Node, number>();
  private nextId = 0;

  constructor(
    private readonly ctx: CheckContext,
    private readonly obj: K8sObject,
    private readonly schemas: SchemaLookup,
    /** Custom resources: apiextensions' structural-schema words instead of the Go decoder's. */
    private readonly crd = false,
    /** A Kustomize patch: required fields may live in the base. */
    private readonly partial = isPartial(ctx),
  ) {}

  private id(node: Node): number {
    let id = this.nodeIds.get(node);
    if (id === undefined) this.nodeIds.set(node, (id = this.nextId++));
    return id;
  }

  /** Checks `raw` (maybe an alias) against `type`. */
  value(raw: unknown, type: string, at: At, extras?: FieldExtras): void {
    const node = this.obj.deref(raw);
    if (!node || (isScalar(node) && (node.value === null || node.value === undefined))) return;
    if (node !== raw) {
      const key = `${this.id(node)}|${type}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    if (type === 'any') return;
    if (type.startsWith('#')) {
      const def = this.schemas.definition(type.slice(1));
      if (!def) return;
      if (def.t !== 'o') return this.value(node, def.t, at, extras);
      if (!isMap(node)) return this.typeError(node, type, at);
      return this.object(node, def, at, type.slice(1), at.key);
    }
    if (type.startsWith('a')) {
      if (!isSeq(node)) return this.typeError(node, type, at);
      return this.list(node.items, type.slice(1), at, extras, node);
    }
    if (type.startsWith('m')) {
      if (!isMap(node)) return this.typeError(node, type, at);
      const item = type.slice(1);
      for (const e of this.obj.entries(node)) this.value(e.pair.value, item, { ...at, path: `${at.path}[${String(e.key.value)}]`, key: e.key });
      return;
    }
    this.scalar(node, type, at, extras);
    if (extras?.c && isScalar(node)) this.constraints(node, extras.c, at);
  }

  /**
   * A CRD's value constraints, in apiextensions-apiserver's words: go-openapi's "<path> in
   * body should …" inside a field.Invalid, field.TooLongMaxLength for maxLength.
   */
  private constraints(node: Scalar, c: ValueConstraints, at: At): void {
    const v = node.value;
    const bad = (detail: string) => report(this.ctx, schema, node, invalid(at.path, typeof v === 'number' ? v : String(v), `${at.path} in body ${detail}`));
    if (typeof v === 'number') {
      if (c.maximum !== undefined && (c.exclusiveMaximum ? v >= c.maximum : v > c.maximum)) bad(`should be less than ${c.exclusiveMaximum ? '' : 'or equal to '}${c.maximum}`);
      if (c.minimum !== undefined && (c.exclusiveMinimum ? v <= c.minimum : v < c.minimum)) bad(`should be greater than ${c.exclusiveMinimum ? '' : 'or equal to '}${c.minimum}`);
      if (c.multipleOf !== undefined && c.multipleOf > 0 && !isMultipleOf(v, c.multipleOf)) bad(`should be a multiple of ${c.multipleOf}`);
      return;
    }
    if (typeof v !== 'string') return;
    // go-openapi counts runes, not bytes.
    const length = [...v].length;
    if (c.maxLength !== undefined && length > c.maxLength) report(this.ctx, schema, node, `${at.path}: Too long: may not be longer than ${c.maxLength}`);
    if (c.minLength !== undefined && length < c.minLength) bad(`should be at least ${c.minLength} chars long`);
    const pattern = c.pattern === undefined ? undefined : compiledPattern(c.pattern);
    if (pattern && !pattern.test(v)) bad(`should match '${c.pattern}'`);
  }

  private scalar(node: Node, type: string, at: At, extras?: FieldExtras): void {
    if (!isScalar(node)) return this.typeError(node, type, at);
    const v = node.value;
    switch (type) {
      case 's':
      case 'time':
      case 'bytes':
        if (typeof v !== 'string') return this.typeError(node, type, at);
        if (type === 'bytes' && !isBase64(v)) report(this.ctx, schema, node, `${at.path}: illegal base64 data at input byte ${firstBadBase64(v)}`);
        if (extras?.e && !extras.e.includes(v)) {
          const fix = extras.e.find((e) => e.toLowerCase() === v.toLowerCase()) ?? closestMatch(v, extras.e);
          report(this.ctx, schema, node, unsupported(at.path, v, extras.e), { fixes: fix ? replaceFix(this.ctx, node, fix) : undefined });
        }
        return;
      case 'i32':
      case 'i64':
        if (typeof v !== 'number') return this.typeError(node, type, at);
        if (!Number.isInteger(v) || (type === 'i32' && (v < INT32[0] || v > INT32[1])) || !Number.isSafeInteger(v)) {
          report(this.ctx, schema, node, `cannot unmarshal number ${node.source ?? String(v)} into Go struct field ${at.struct}.${at.goPath} of type ${goType(type)}`);
        }
        return;
      case 'n':
        if (typeof v !== 'number') this.typeError(node, type, at);
        return;
      case 'b':
        // sigs.k8s.io/yaml reads YAML 1.1 booleans (yes/no/on/off) as booleans too.
        if (typeof v !== 'boolean' && !(typeof v === 'string' && YAML11_BOOLEANS.has(v) && node.type === 'PLAIN')) this.typeError(node, type, at);
        return;
      case 'ios':
        if (typeof v === 'number' ? !Number.isInteger(v) : typeof v !== 'string') this.typeError(node, type, at);
        return;
      case 'q':
        if (typeof v === 'number') return;
        if (typeof v !== 'string') return this.typeError(node, type, at);
        if (!parseQuantity(v).ok) report(this.ctx, schema, node, `${at.path}: ${parseQuantityError(v)}`);
        return;
    }
  }

  private list(items: unknown[], itemType: string, at: At, extras?: FieldExtras, listNode?: Node): void {
    const c = extras?.c;
    if (c && listNode) {
      if (c.maxItems !== undefined && items.length > c.maxItems) report(this.ctx, schema, listNode, `${at.path}: Too many: ${items.length}: must have at most ${c.maxItems} items`);
      if (c.minItems !== undefined && items.length < c.minItems) report(this.ctx, schema, listNode, `${at.path}: Invalid value: ${items.length}: ${at.path} in body should have at least ${c.minItems} items`);
    }
    const keys = extras?.k;
    const seenKeys = keys || extras?.set ? new Map<string, number>() : undefined;
    items.forEach((raw, i) => {
      const itemAt = { ...at, path: `${at.path}[${i}]`, key: undefined };
      this.value(raw, itemType, itemAt);
      if (!seenKeys) return;
      const node = this.obj.deref(raw);
      let key: string | undefined;
      let shown: string | undefined;
      let keyNode: Node | undefined = node;
      if (keys && isMap(node)) {
        const values = keys.map((k) => this.obj.str(this.obj.get(node, k)) ?? LIST_KEY_DEFAULTS[k]);
        if (values.some((v) => v === undefined)) return;
        key = values.join('\u0000');
        if (keys.length === 1) {
          shown = `${itemAt.path}.${keys[0]}: ${duplicate('', values[0]!).slice(2)}`;
          keyNode = this.obj.get(node, keys[0]) ?? node;
        } else {
          const shownValue = (k: string, j: number) => { const n = this.obj.get(node, k); return isScalar(n) && typeof n.value === 'number' ? String(n.value) : JSON.stringify(values[j]); };
          shown = `${itemAt.path}: Duplicate value: {${keys.map((k, j) => `${JSON.stringify(k)}:${shownValue(k, j)}`).join(', ')}}`;
        }
      } else if (extras?.set && isScalar(node) && node.value !== null) {
        key = String(node.value);
        shown = duplicate(itemAt.path, key);
      }
      if (key === undefined) return;
      if (seenKeys.has(key)) report(this.ctx, schema, keyNode, shown!);
      else seenKeys.set(key, i);
    });
  }

  /** `defName` is the definition's table name ("apps.v1.DeploymentSpec"). */
  object(map: YAMLMap, def: Definition, at: At, defName: string, ownerKey?: Node): void {
    const props = def.p ?? {};
    const struct = defName.slice(defName.lastIndexOf('.') + 1);
    for (const e of this.obj.entries(map)) {
      const name = String(e.key.value);
      const path = at.path ? `${at.path}.${name}` : name;
      const field = props[name];
      if (!field) {
        const suggestion = closestMatch(name, Object.keys(props));
        report(this.ctx, schema, e.key, `unknown field ${JSON.stringify(path)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, {
          fixes: suggestion ? replaceFix(this.ctx, e.key, suggestion) : undefined,
        });
        continue;
      }
      const enumValues = FIELD_ENUMS[`${defName}.${name}`];
      const extras = enumValues?.length ? { ...field[2], e: [...enumValues] } : field[2];
      this.value(e.pair.value, field[0], { path, goPath: at.goPath ? `${at.goPath}.${name}` : name, struct, key: e.key }, extras);
    }
    for (const name of this.partial ? [] : (def.r ?? [])) {
      const value = this.obj.get(map, name);
      if (value && !(isScalar(value) && (value.value === null || value.value === undefined))) continue;
      report(this.ctx, schema, ownerKeyOf(map, ownerKey), required(at.path ? `${at.path}.${name}` : name));
    }
  }

  private typeError(node: Node, type: string, at: At): void {
    if (this.crd) {
      const kind = jsonKind(node) === 'bool' ? 'boolean' : jsonKind(node);
      report(this.ctx, schema, node, `${at.path}: Invalid value: "${kind}": ${at.path} in body must be of type ${JSON_TYPES[type.replace(/^([am]).*/, '$1')] ?? JSON_TYPES[type] ?? 'object'}: "${kind}"`);
      return;
    }
    report(this.ctx, schema, node, `cannot unmarshal ${jsonKind(node)} into Go struct field ${at.struct}.${at.goPath} of type ${goType(type)}`);
  }
}

/** Where a "Required value" for a map goes: the map's first key (its first line). */
function ownerKeyOf(map: YAMLMap, ownerKey?: Node): Node | [number, number] | undefined {
  if (ownerKey) return ownerKey;
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? first : map.range ? [map.range[0], map.range[0]] : undefined;
}

/** Defaults the API server applies before it compares list-map keys. */
const LIST_KEY_DEFAULTS: Record<string, string> = { protocol: 'TCP' };

const JSON_TYPES: Record<string, string> = { a: 'array', m: 'object', s: 'string', time: 'string', bytes: 'string', i32: 'integer', i64: 'integer', n: 'number', b: 'boolean', ios: 'integer-or-string', q: 'string' };

const YAML11_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);

function jsonKind(node: Node): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  const v = isScalar(node) ? node.value : undefined;
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string';
}

function isBase64(v: string): boolean {
  const s = v.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0;
}

function firstBadBase64(v: string): number {
  const s = v.replace(/\s+/g, '');
  const bad = s.search(/[^A-Za-z0-9+/=]/);
  return bad >= 0 ? bad : Math.max(0, s.length - (s.length % 4 || 4));
}

function parseQuantityError(v: string): string {
  const q = parseQuantity(v);
  return q.ok ? '' : q.error;
}

/** The schemas for the target version (exported for hover and completion). */
export function targetSchemas(ctx: CheckContext): Schemas {
  return schemasFor(ctx.kubernetes);
}

export function checkSchema(ctx: CheckContext): void {
  const schemas = targetSchemas(ctx);
  let crdObjects: K8sObject[] | undefined;
  for (const obj of ctx.ast.objects) {
    const name = schemas.kindName(obj.apiVersion, obj.kind);
    if (name) {
      const def = schemas.definition(name);
      if (def) new Walker(ctx, obj, schemas).object(obj.root, def, { path: '', goPath: '', struct: obj.kind }, name, obj.entry(obj.root, 'kind')?.value);
      continue;
    }
    if (schemas.isBuiltinGroup(obj.apiVersion)) continue; // not served at the target: k8s/api-version
    crdObjects ??= ctx.workspace.find(obj, 'CustomResourceDefinition').map((l) => l.obj);
    const crd = crdSchemasFor(obj.apiVersion, obj.kind, crdObjects, schemas);
    const def = crd?.definition(crd.root);
    if (crd && def) new Walker(ctx, obj, crd, true).object(obj.root, def, { path: '', goPath: '', struct: obj.kind }, crd.root, obj.entry(obj.root, 'kind')?.value);
  }
}
