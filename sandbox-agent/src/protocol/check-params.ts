// The parameters of every check, as zod schemas: the one list of check ids. A lesson names a check and its
// parameters (lessons/types.ts `CheckRef`, typed from here, so a wrong or missing parameter fails the
// type-check), the agent's checks are written against them (checks/types.ts `defineCheck`), and the agent's
// catalog refuses a lesson whose parameters these schemas refuse (lessons/catalog.ts).
// Layer: a leaf, it imports nothing of the agent's (README, How it fits together; biome.json enforces it).
import { z } from 'zod';

/** Namespace kinds as /proc/PID/ns names them (kernel/snapshot.ts `NsKind`; checks/ns-differs.ts keeps them equal). */
export const NS_KINDS = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as const;

/** A name the check looks for: a group, a host name, an interface, a fixture. */
const name = z.string().min(1);
/** A path in the sandbox: absolute, so that the snapshot reads what is there (checks/util.ts sandboxPathsIn). */
const path = z.string().startsWith('/');
/** A count, a uid, a capability number, a size in bytes. */
const whole = z.number().int().nonnegative();
/** `mnt,ipc,net`: namespace kinds, comma-separated. */
const nsKindList = name.refine(
  (s) =>
    s
      .split(',')
      .map((k) => k.trim())
      .every((k) => k === '' || (NS_KINDS as readonly string[]).includes(k)),
  { message: `a comma-separated list of namespace kinds: ${NS_KINDS.join(', ')}` },
);
/** `/etc/hosts,/etc/resolv.conf`: absolute paths, comma-separated. */
const pathList = name.refine((s) => s.split(',').every((p) => p.startsWith('/')), {
  message: 'a comma-separated list of absolute paths',
});
const none = z.strictObject({});
/** An image's overlay: where, its three layers top first, and what the merged view must not and must show. */
const imageOverlayParams = z.strictObject({
  target: path,
  top: path,
  middle: path,
  bottom: path,
  hidden: path,
  replaced: path,
  kept: path,
});

/** Each check's parameters, by the id a lesson names in `check.id` (sandbox-agent/src/checks/index.ts). */
export const CHECK_PARAMS = {
  'root-is-path': z.strictObject({ path }),
  'proc-mounted-in-root': z.strictObject({ path }),
  'fixture-killed-from-root': z.strictObject({ fixture: name, path }),
  'pid-ns-init': none,
  'new-namespaces': z.strictObject({ kinds: nsKindList }),
  'container-proc': z.strictObject({ kinds: nsKindList }),
  'uts-hostname': z.strictObject({ hostname: name, container: z.boolean().optional() }),
  'joined-uts': none,
  'joined-container': none,
  'time-offset': z.strictObject({ minBoottime: whole }),
  'ns-differs': z.strictObject({ kind: z.enum(NS_KINDS) }),
  'userns-unmapped': z.strictObject({ uid: whole }),
  'userns-root-map': z.strictObject({ uid: whole }),
  'rootless-init': z.strictObject({ uid: whole }),
  'cgroup-memory-limit': z.strictObject({ group: name, bytes: whole }),
  'cgroup-has-process': z.strictObject({ group: name, controller: z.enum(['memory', 'pids', 'cpu']).optional() }),
  'cgroup-memory-usage': z.strictObject({ group: name, minBytes: whole }),
  'cgroup-oom-kill': z.strictObject({ group: name }),
  'cgroup-cpu-quota': z.strictObject({ group: name, percent: z.number().positive(), members: whole.optional() }),
  'cgroup-cpu-weights': z.strictObject({ high: name, low: name, ratio: z.number().positive() }),
  'cgroup-pids-limit': z.strictObject({ group: name, max: whole }),
  'cgroup-frozen': none,
  'cgroup-emptied': z.strictObject({ group: name }),
  'bind-mount': z.strictObject({ source: path, target: path, readOnly: z.boolean().optional() }),
  'mount-propagated': z.strictObject({ path, fsSource: name }),
  'mount-private': z.strictObject({ path, fsSource: name }),
  'pivoted-root': z.strictObject({ path }),
  'chroot-escaped': z.strictObject({ path }),
  'overlay-mount': z.strictObject({ target: path, lower: path, upper: path }),
  'overlay-copied-up': z.strictObject({ upperPath: path, lowerPath: path }),
  'overlay-whiteout': z.strictObject({ upperPath: path, lowerPath: path, mergedPath: path }),
  'overlay-layers': z.strictObject({ target: path, minLowers: whole }),
  'overlay-shared-image': z.strictObject({
    lower: path,
    count: whole,
    filePath: path,
    otherPath: path,
    imagePath: path,
  }),
  'cap-dropped': z.strictObject({ cap: whole, path: path.optional() }),
  'file-cap-used': z.strictObject({ cap: whole, uid: whole }),
  'seccomp-extra-filter': none,
  'veth-pair': z.strictObject({ outside: name, inside: name }),
  'iface-up': z.strictObject({ outside: name, outsideAddr: name, inside: name, insideAddr: name }),
  'veth-traffic': z.strictObject({ outside: name }),
  'bridge-joined': z.strictObject({ bridge: name, min: whole }),
  'default-route': z.strictObject({ via: name }),
  'net-listener': z.strictObject({ addr: name, port: whole }),
  'dnat-conntrack': z.strictObject({ port: whole, to: name, toPort: whole }),
  'etc-bound': z.strictObject({ files: pathList }),
  'container-complete': z.strictObject({ path, hostname: name, group: name, network: z.boolean().optional() }),
  'docker-like': z.strictObject({ memoryBytes: whole, pidsMax: whole }),
  'oci-spec': z.strictObject({ path }),
  'oci-running': z.strictObject({ hostname: name, memoryBytes: whole, pidsMax: whole }),
  'oci-seccomp': z.strictObject({ hostname: name }),
  'pod-pause': z.strictObject({ hostname: name }),
  'pod-members': z.strictObject({ hostname: name, count: whole }),
  'container-dev': z.strictObject({ devices: name, devpts: z.boolean() }),
  'pid1-zombie': none,
  'pid1-reaps': none,
  'image-unpacked': z.strictObject({ l1: path, l2: path, l3: path, busybox: path, origin: path }),
  'image-whiteouts': z.strictObject({ kept: path, whiteout: path, marker: path, opaqueMarker: path }),
  'image-overlay': imageOverlayParams,
  'image-running': imageOverlayParams,
} as const;

export type CheckId = keyof typeof CHECK_PARAMS;

/** The parameters check `K` takes. */
export type CheckParamsOf<K extends CheckId> = z.infer<(typeof CHECK_PARAMS)[K]>;

/** How a lesson names check `K`: `params` may be left out where the check takes none. */
type CheckRefOf<K extends CheckId> =
  CheckParamsOf<K> extends Record<string, never>
    ? { readonly id: K; readonly params?: Readonly<CheckParamsOf<K>> }
    : { readonly id: K; readonly params: Readonly<CheckParamsOf<K>> };

/** Which check decides a step, with its parameters (plain JSON: the site may see it). */
export type CheckRef = { [K in CheckId]: CheckRefOf<K> }[CheckId];

export function isCheckId(id: string): id is CheckId {
  return Object.hasOwn(CHECK_PARAMS, id);
}

/**
 * Why check `id` cannot run with `params` (what the schema refused, and the parameters as given), or
 * undefined when it can. For the messages of the catalog's load and of a check run with wrong parameters.
 */
export function checkParamsProblem(id: string, params: unknown): string | undefined {
  if (!isCheckId(id)) return `no check named ${id}`;
  const parsed = CHECK_PARAMS[id].safeParse(params ?? {});
  if (parsed.success) return undefined;
  return `parameters ${JSON.stringify(params ?? {})} refused: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`;
}
