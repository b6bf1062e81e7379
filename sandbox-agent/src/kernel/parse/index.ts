// Parsers of kernel state: strings in, typed snapshots out. No file access here; see kernel/ for the reads.
export * from './cgroup';
export * from './mountinfo';
export * from './net';
export * from './ns';
export * from './stat';
export * from './status';
export { ParseError, type ParseKind, unescapeOctal } from './text';
export * from './uid-map';
