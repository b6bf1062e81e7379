// A small kustomize for the subset deploy/kubernetes uses, so the manifests are built and validated with no
// kubectl binary (issue 22): resources (files and directories), namespace, images, replicas and JSON patches
// (RFC 6902 add/replace/remove) with a kind+name target. Anything else in a kustomization.yaml is an error, so
// the tests never pass over a field real kustomize would apply.
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'replicas', 'patches']);
/** The cluster-scoped kinds kustomize's namespace transformer leaves alone (of those this project could use). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass', 'StorageClass']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every YAML document of a file, as plain values; a syntax error names the file. */
export function loadYaml(file: string): unknown[] {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(docs)) return [];
  return docs.map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as unknown;
  });
}

function asObject(v: unknown, where: string): K8sObject {
  if (!isRecord(v) || typeof v.apiVersion !== 'string' || typeof v.kind !== 'string') {
    throw new Error(`${where}: not a Kubernetes object (apiVersion and kind)`);
  }
  const meta = v.metadata;
  if (!isRecord(meta) || typeof meta.name !== 'string') throw new Error(`${where}: ${v.kind} without metadata.name`);
  return v as K8sObject;
}

function list(v: unknown, field: string, file: string): Record<string, unknown>[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every(isRecord)) throw new Error(`${file}: ${field} must be a list of maps`);
  return v;
}

function pointer(p: string): string[] {
  if (!p.startsWith('/')) throw new Error(`JSON pointer ${p}: must start with /`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** RFC 6902 add, replace and remove on a plain value, in place. */
export function applyJsonPatch(doc: unknown, ops: unknown, where: string): void {
  if (!Array.isArray(ops)) throw new Error(`${where}: a JSON patch is a list of operations`);
  for (const op of ops) {
    if (!isRecord(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw new Error(`${where}: an operation needs op and path`);
    }
    const keys = pointer(op.path);
    const last = keys.pop();
    if (last === undefined) throw new Error(`${where}: ${op.op} on the whole document`);
    let parent: unknown = doc;
    for (const k of keys) {
      parent = Array.isArray(parent) ? parent[Number(k)] : isRecord(parent) ? parent[k] : undefined;
      if (parent === undefined) throw new Error(`${where}: ${op.path}: no ${k}`);
    }
    const value = op.value as Json;
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(i) || i < 0 || i > parent.length || (op.op !== 'add' && i >= parent.length)) {
        throw new Error(`${where}: ${op.path}: index out of range`);
      }
      if (op.op === 'add') parent.splice(i, 0, value);
      else if (op.op === 'replace') parent[i] = value;
      else if (op.op === 'remove') parent.splice(i, 1);
      else throw new Error(`${where}: op ${op.op} is not supported here`);
    } else if (isRecord(parent)) {
      if (op.op !== 'add' && !Object.hasOwn(parent, last)) throw new Error(`${where}: ${op.path}: no ${last}`);
      if (op.op === 'add' || op.op === 'replace') parent[last] = value;
      else if (op.op === 'remove') delete parent[last];
      else throw new Error(`${where}: op ${op.op} is not supported here`);
    } else {
      throw new Error(`${where}: ${op.path}: the parent is not a list or a map`);
    }
  }
}

/** The pod spec of a Pod or of a workload's template, if the object has one. */
export function podSpecOf(obj: K8sObject): Record<string, unknown> | undefined {
  const spec = obj.spec;
  if (!isRecord(spec)) return undefined;
  if (obj.kind === 'Pod') return spec;
  const template = spec.template;
  return isRecord(template) && isRecord(template.spec) ? template.spec : undefined;
}

/** A pod spec's containers and init containers. */
export function containersOf(podSpec: Record<string, unknown>): Record<string, unknown>[] {
  return [podSpec.initContainers, podSpec.containers].flatMap((l) => (Array.isArray(l) ? l.filter(isRecord) : []));
}

/** An image reference without its tag or digest: registry.example.org:5000/a/b:1.0 → registry.example.org:5000/a/b. */
function imageName(ref: string): string {
  const noDigest = ref.split('@')[0] ?? ref;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

function setImages(objects: K8sObject[], images: Record<string, unknown>[], file: string): void {
  for (const img of images) {
    if (typeof img.name !== 'string') throw new Error(`${file}: images: an entry without name`);
    for (const obj of objects) {
      const pod = podSpecOf(obj);
      for (const c of pod ? containersOf(pod) : []) {
        if (typeof c.image !== 'string' || imageName(c.image) !== img.name) continue;
        const name = typeof img.newName === 'string' ? img.newName : img.name;
        const tag =
          typeof img.digest === 'string' ? `@${img.digest}` : img.newTag !== undefined ? `:${img.newTag}` : '';
        c.image = `${name}${tag}`;
      }
    }
  }
}

/** `kustomize build DIR` for the subset above. */
export function kustomizeBuild(dir: string): K8sObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  const k: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (!isRecord(k)) throw new Error(`${file}: not a map`);
  for (const field of Object.keys(k)) {
    if (!FIELDS.has(field)) throw new Error(`${file}: ${field} is not supported by this resolver (kustomize.ts)`);
  }
  const objects: K8sObject[] = [];
  const resources = k.resources ?? [];
  if (!Array.isArray(resources)) throw new Error(`${file}: resources must be a list`);
  for (const r of resources) {
    if (typeof r !== 'string') throw new Error(`${file}: a resource must be a path`);
    const p = path.resolve(dir, r);
    if (fs.statSync(p).isDirectory()) objects.push(...kustomizeBuild(p));
    else objects.push(...loadYaml(p).map((d, i) => asObject(d, `${p} document ${i + 1}`)));
  }
  const ids = new Set<string>();
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata.name}`;
    if (ids.has(id)) throw new Error(`${file}: ${id} is defined twice`);
    ids.add(id);
  }
  for (const patch of list(k.patches, 'patches', file)) {
    const target = patch.target;
    if (typeof patch.path !== 'string' || !isRecord(target)) throw new Error(`${file}: a patch needs path and target`);
    const patchFile = path.resolve(dir, patch.path);
    const hits = objects.filter((o) => o.kind === target.kind && o.metadata.name === target.name);
    if (hits.length === 0) throw new Error(`${file}: patch ${patch.path} matches nothing`);
    for (const o of hits) applyJsonPatch(o, parse(fs.readFileSync(patchFile, 'utf8')), patchFile);
  }
  for (const r of list(k.replicas, 'replicas', file)) {
    const hits = objects.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind) && o.metadata.name === r.name);
    if (hits.length === 0 || typeof r.count !== 'number') throw new Error(`${file}: replicas for ${String(r.name)}`);
    for (const o of hits) (o.spec as Record<string, unknown>).replicas = r.count;
  }
  setImages(objects, list(k.images, 'images', file), file);
  if (k.namespace !== undefined) {
    if (typeof k.namespace !== 'string') throw new Error(`${file}: namespace must be a string`);
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  }
  return objects;
}
