// The Kubernetes manifests (issue 22), validated offline: built by kustomize.ts (no kubectl here), each object
// checked by kubernetes-models' validate() against the API's schemas, then by a strict check of our own, as
// validate() lets unknown fields through (a misspelled `privilegd: true` passes it). Never applied to a cluster.
import fs from 'node:fs';
import path from 'node:path';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { Namespace, Pod, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseAllDocuments, visit } from 'yaml';
import { agentPath } from '@/lib/agent/config';
import { containersOf, type K8sObject, kustomizeBuild, loadYaml, podSpecOf } from './kustomize';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');

/** The kinds the manifests use, by apiVersion/kind; one not listed here fails the build test. */
const MODELS: Record<string, { prototype: { validate(): void }; new (data: never): { validate(): void } }> = {
  'apps/v1/StatefulSet': StatefulSet,
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/Namespace': Namespace,
  'v1/Pod': Pod,
  'networking.k8s.io/v1/Ingress': Ingress,
};

/** Seconds an idle terminal WebSocket must survive behind the ingress: an hour (issue 22). */
const WEBSOCKET_TIMEOUT_S = 3600;

/** The ingress path of "the page's agent": any agent pod (the site's GAIOLA_AGENT_PATH is its prefix). */
const ANY_ROUTE = '/agents/any(/|$)(.*)';

function modelFor(o: K8sObject) {
  const model = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!model) throw new Error(`${o.apiVersion} ${o.kind}: no schema model listed in manifests.test.ts`);
  return model;
}

/**
 * The fields of `doc` the schema does not know. kubernetes-models' validators are compiled ajv code that reads
 * every property its schema declares (`data.privileged`, …) and iterates maps (labels); so `doc` goes in behind
 * proxies that record each property read, and any property of an object never read is unknown. A field whose
 * schema declares no properties (none here) would be reported too: stricter, never looser.
 */
function unknownFields(model: { prototype: { validate(): void } }, doc: unknown): string[] {
  const read = new Map<object, Set<string>>();
  const proxies = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const known = proxies.get(v);
    if (known) return known;
    const keys = new Set<string>();
    read.set(v, keys);
    const proxy = new Proxy(v, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key !== 'string' || !Object.hasOwn(target, key)) return value;
        keys.add(key);
        return wrap(value);
      },
    });
    proxies.set(v, proxy);
    return proxy;
  };
  model.prototype.validate.call(wrap(doc));
  const unknown: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${at}/${i}`);
    } else if (v !== null && typeof v === 'object') {
      const seen = read.get(v);
      for (const [k, x] of Object.entries(v)) {
        if (!seen?.has(k)) unknown.push(`${at}/${k}`);
        else walk(x, `${at}/${k}`);
      }
    }
  };
  walk(doc, '');
  return unknown;
}

function validateStrictly(o: K8sObject): string[] {
  const model = modelFor(o);
  new model(structuredClone(o) as never).validate();
  return unknownFields(model, o);
}

const base = kustomizeBuild(path.join(here, 'base'));
const example = kustomizeBuild(path.join(here, 'overlays/example'));

function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind}/${name}`);
  return o;
}

// biome-ignore lint/suspicious/noExplicitAny: walking parsed manifests by known paths, asserted below
type Any = any;

describe('deploy/kubernetes: schemas', () => {
  it.each([
    ['base', base],
    ['overlays/example', example],
  ])('%s: every object passes kubernetes-models validate() and has no unknown field', (_name, objects) => {
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) {
      expect({ id: `${o.kind}/${o.metadata.name}`, unknown: validateStrictly(o) }).toEqual({
        id: `${o.kind}/${o.metadata.name}`,
        unknown: [],
      });
    }
  });

  it('the strict check rejects a misspelled field that validate() lets through', () => {
    const [bad] = loadYaml(path.join(here, 'testdata/misspelled-field.yaml')) as K8sObject[];
    if (!bad) throw new Error('empty fixture');
    expect(() => new Pod(structuredClone(bad) as never).validate()).not.toThrow();
    expect(validateStrictly(bad)).toEqual(['/spec/containers/0/securityContext/privilegd']);
  });

  it('validate() itself rejects a wrong type', () => {
    const o = structuredClone(find(example, 'StatefulSet', 'gaiola-agent')) as Any;
    o.spec.replicas = 'three';
    expect(() => validateStrictly(o)).toThrow(/replicas/);
  });

  it('the resolver refuses a kustomization field it does not implement', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'gaiola-kustomize-'));
    try {
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'commonLabels: {a: b}\n');
      expect(() => kustomizeBuild(dir)).toThrow(/commonLabels is not supported/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy/kubernetes: the example overlay', () => {
  it('puts everything in its namespace, with its images and three agents', () => {
    for (const o of example) {
      if (o.kind !== 'Namespace') expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('gaiola');
    }
    const agents = find(example, 'StatefulSet', 'gaiola-agent') as Any;
    expect(agents.spec.replicas).toBe(3);
    const images = example.flatMap((o) => {
      const pod = podSpecOf(o);
      return pod ? containersOf(pod).map((c) => c.image) : [];
    });
    expect(new Set(images)).toEqual(
      new Set(['registry.example.org/gaiola/agent:0.1.0', 'registry.example.org/gaiola/site:0.1.0']),
    );
  });

  it('gives each agent pod a Service and a route /agents/<id>/, with hour-long WebSocket timeouts', () => {
    const ingress = find(example, 'Ingress', 'gaiola-agents') as Any;
    const notes = ingress.metadata.annotations;
    expect(Number(notes['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(WEBSOCKET_TIMEOUT_S);
    expect(Number(notes['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(WEBSOCKET_TIMEOUT_S);
    const paths = (ingress.spec.rules[0].http.paths as Any[]).filter((p) => p.path !== ANY_ROUTE);
    const replicas = (find(example, 'StatefulSet', 'gaiola-agent') as Any).spec.replicas as number;
    expect(paths).toHaveLength(replicas);
    for (let i = 0; i < replicas; i++) {
      const pod = `gaiola-agent-${i}`;
      const route = paths[i];
      expect(route.path).toBe(`/agents/${pod}(/|$)(.*)`);
      const svc = find(example, 'Service', route.backend.service.name) as Any;
      expect(svc.spec.selector).toEqual({ 'statefulset.kubernetes.io/pod-name': pod });
      expect(svc.spec.ports[0].targetPort).toBe('agent');
    }
  });

  it('routes /agents/any/ to every agent pod, in the same Ingress (its rewrite and hour-long timeouts)', () => {
    const ingress = find(example, 'Ingress', 'gaiola-agents') as Any;
    const notes = ingress.metadata.annotations;
    expect(notes['nginx.ingress.kubernetes.io/rewrite-target']).toBe('/$2');
    expect(Number(notes['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(WEBSOCKET_TIMEOUT_S);
    expect(Number(notes['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(WEBSOCKET_TIMEOUT_S);
    const route = (ingress.spec.rules[0].http.paths as Any[]).find((p) => p.path === ANY_ROUTE);
    expect(route?.backend.service).toEqual({ name: 'gaiola-agents', port: { name: 'agent' } });
    const svc = find(example, 'Service', 'gaiola-agents') as Any;
    const agents = find(example, 'StatefulSet', 'gaiola-agent') as Any;
    expect(svc.spec.selector).toEqual(agents.spec.selector.matchLabels);
    // A Service with an address: controllers that proxy to it, unlike ingress-nginx, need one.
    expect(svc.spec.clusterIP).toBeUndefined();
    expect(svc.spec.ports[0]).toMatchObject({ name: 'agent', targetPort: 'agent' });
  });

  it('names each agent by its own route (GAIOLA_AGENT_URL ends in its id), and the site’s agent path is the any-route', () => {
    const agent = (find(example, 'StatefulSet', 'gaiola-agent') as Any).spec.template.spec.containers[0];
    const names = (agent.env as Any[]).map((e) => e.name);
    const url = agent.env.find((e: Any) => e.name === 'GAIOLA_AGENT_URL').value as string;
    // Kubernetes expands $(VAR) only from variables defined earlier in the list.
    expect(names.indexOf('GAIOLA_AGENT_ID')).toBeLessThan(names.indexOf('GAIOLA_AGENT_URL'));
    const id = agent.env.find((e: Any) => e.name === 'GAIOLA_AGENT_ID');
    expect(id.valueFrom.fieldRef.fieldPath).toBe('metadata.name');
    expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\/agents\/\$\(GAIOLA_AGENT_ID\)$/);
    const replicas = (find(example, 'StatefulSet', 'gaiola-agent') as Any).spec.replicas as number;
    const ingress = find(example, 'Ingress', 'gaiola-agents') as Any;
    const routes = (ingress.spec.rules[0].http.paths as Any[]).map((p) => p.path as string);
    const host = ingress.spec.rules[0].host as string;
    for (let i = 0; i < replicas; i++) {
      // As the pod named gaiola-agent-i sees it: its own route, on the ingress's host.
      const own = new URL(url.replace('$(GAIOLA_AGENT_ID)', `gaiola-agent-${i}`));
      expect(own.pathname).toBe(`/agents/gaiola-agent-${i}`);
      expect(own.host).toBe(host);
      expect(routes).toContain(`${own.pathname}(/|$)(.*)`);
    }
    const site = (find(example, 'Deployment', 'gaiola-site') as Any).spec.template.spec.containers[0];
    const agentPathSetting = site.env.find((e: Any) => e.name === 'GAIOLA_AGENT_PATH').value as string;
    expect(agentPath(agentPathSetting)).toBe(agentPathSetting);
    expect(`${agentPathSetting}(/|$)(.*)`).toBe(ANY_ROUTE);
    expect(site.env.some((e: Any) => e.name === 'GAIOLA_DATABASE_URL')).toBe(false);
  });
});

describe('deploy/kubernetes: security', () => {
  const agents = find(example, 'StatefulSet', 'gaiola-agent') as Any;
  const pod = agents.spec.template.spec;

  it('no pod mounts a service-account token', () => {
    for (const o of example) {
      const spec = podSpecOf(o);
      if (spec) expect(spec.automountServiceAccountToken, o.metadata.name).toBe(false);
    }
  });

  it('privileged only in the agent pod, each time with a comment saying why', () => {
    const privileged = example.flatMap((o) => {
      const spec = podSpecOf(o);
      return spec
        ? containersOf(spec)
            .filter((c) => (c.securityContext as Any)?.privileged === true)
            .map((c) => `${o.metadata.name}/${String(c.name)}`)
        : [];
    });
    expect(privileged.sort()).toEqual(['gaiola-agent/agent', 'gaiola-agent/node-settings']);
    // In the sources: every `privileged: true` carries a comment of at least a sentence right above it.
    let seen = 0;
    for (const dir of ['base', 'overlays/example']) {
      for (const f of fs.readdirSync(path.join(here, dir)).filter((n) => n.endsWith('.yaml'))) {
        for (const doc of parseAllDocuments(fs.readFileSync(path.join(here, dir, f), 'utf8')) as Any[]) {
          visit(doc, {
            Pair(_key, pair, ancestors) {
              if (!isScalar(pair.key) || pair.key.value !== 'privileged') return;
              if (!isScalar(pair.value) || pair.value.value !== true) return;
              seen++;
              const parent = ancestors.at(-1);
              const comment = isScalar(pair.key) ? (pair.key.commentBefore ?? '') : '';
              const first = isMap(parent) && parent.items[0] === pair ? (parent.commentBefore ?? '') : '';
              expect(`${comment}${first}`.trim().length, `${dir}/${f}: privileged without a comment`).toBeGreaterThan(
                80,
              );
            },
          });
        }
      }
    }
    expect(seen).toBe(privileged.length);
  });

  it('one agent per node, on the tainted pool only', () => {
    const terms = pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
    expect(terms).toHaveLength(1);
    expect(terms[0].topologyKey).toBe('kubernetes.io/hostname');
    expect(terms[0].labelSelector.matchLabels).toEqual(agents.spec.selector.matchLabels);
    const [label, value] = Object.entries(pod.nodeSelector as Record<string, string>)[0] ?? [];
    expect(pod.tolerations).toContainEqual({ key: label, operator: 'Equal', value, effect: 'NoSchedule' });
  });

  it('the site runs unprivileged, as a non-root user', () => {
    const site = (find(example, 'Deployment', 'gaiola-site') as Any).spec.template.spec;
    expect(site.securityContext.runAsNonRoot).toBe(true);
    for (const c of site.containers) {
      expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    }
  });
});

describe('deploy/kubernetes: settings', () => {
  /** Issue 22's settings that no code reads yet; the manifests' comments say so. */
  const NOT_YET = new Set<string>([]);
  const sources = ['sandbox-agent/src', 'lib', 'app', 'scripts'].flatMap((d) =>
    (fs.readdirSync(path.join(root, d), { recursive: true }) as string[])
      .filter((f) => /\.(ts|tsx|sh)$/.test(f) && !f.includes('.test.'))
      .map((f) => fs.readFileSync(path.join(root, d, f), 'utf8')),
  );

  it('every GAIOLA_ variable is one the code reads today, or one of issue 22 marked as not read yet', () => {
    const names = new Set<string>();
    for (const o of example) {
      const spec = podSpecOf(o);
      for (const c of spec ? containersOf(spec) : []) {
        for (const e of (c.env as { name: string }[] | undefined) ?? []) names.add(e.name);
      }
    }
    const gaiola = [...names].filter((n) => n.startsWith('GAIOLA_'));
    expect(gaiola.length).toBeGreaterThan(5);
    for (const n of gaiola) {
      const word = new RegExp(`\\b${n}\\b`);
      expect(NOT_YET.has(n) || sources.some((s) => word.test(s)), n).toBe(true);
      if (NOT_YET.has(n))
        expect(
          sources.some((s) => word.test(s)),
          `${n} is read now: update NOT_YET`,
        ).toBe(false);
    }
  });

  it('the shared secrets come from the Secret gaiola, the token where the agent reads it today', () => {
    const c = (find(example, 'StatefulSet', 'gaiola-agent') as Any).spec.template.spec;
    const agent = c.containers[0];
    const dataDir = agent.env.find((e: Any) => e.name === 'GAIOLA_DATA_DIR').value;
    const mount = agent.volumeMounts.find((m: Any) => m.name === 'token-secret');
    expect(mount.mountPath).toBe(`${dataDir}/secret`);
    expect(c.volumes.find((v: Any) => v.name === 'token-secret').secret.secretName).toBe('gaiola');
    const db = agent.env.find((e: Any) => e.name === 'GAIOLA_DATABASE_URL');
    expect(db.valueFrom.secretKeyRef).toEqual({ name: 'gaiola', key: 'database-url' });
    expect(agent.ports[0].containerPort).toBe(3001);
  });
});
