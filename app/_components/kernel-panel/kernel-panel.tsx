'use client';
// The Kernel panel whole: its frame (kernel-panel-frame.tsx) with its body (panel-body.tsx) bound in. The lesson
// page loads the body only when the panel opens (kernel-panel-host.tsx); the tests render this.
import { KernelPanelFrame } from './kernel-panel-frame';
import { PanelBody } from './panel-body';
import type { KernelPanelProps } from './types';

export type {
  CgroupHistory,
  KernelPanelProps,
  MemorySample,
  PanelEvent,
  PanelMessages,
  PanelSectionId,
} from './types';

export function KernelPanel(props: KernelPanelProps) {
  return <KernelPanelFrame {...props} Body={PanelBody} />;
}
