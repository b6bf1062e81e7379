// The kernel room (CONVENTIONS §2): the only code that mounts, unshares, writes cgroup files or spawns
// the privileged launcher. Parsers of kernel state live in ./parse.
// Layer: imports nothing of the agent's (README, How it fits together; biome.json enforces it).
export type { CgroupLayout, V1Hierarchy } from './cgroup-layout';
export { defaultKernelConfig, type KernelConfig } from './config';
export { KernelOpError } from './errors';
export { type HostProbe, probeHost } from './probe';
export { readSandboxFile, SandboxFileError, type SandboxFileErrorCode } from './read-file';
export { createSandbox, reclaimLeftovers, releaseHostResources, type Sandbox } from './sandbox';
