// The Kernel panel's props, apart from React. The history and the section ids are the protocol's
// (panel-history.ts, panel.ts): the browser's store builds them next to the view, and the kernel tests
// record them with it. Re-exported here so the panel's modules and its callers name them in one place.
import type { CgroupHistory, PanelSectionId, PanelView } from '@protocol';
import type { Messages } from '@/lib/i18n';
import type { NsIndex } from './ns-index';

export type { CgroupHistory, MemorySample, PanelEvent, PanelSectionId } from '@protocol';

export type PanelMessages = Messages['panel'];

/** What a section drawn from processes and their namespaces is given (processes, network; tree and table). */
export interface NsSectionProps {
  view: PanelView;
  index: NsIndex;
  messages: PanelMessages;
}

/** What the cgroups section is given, as a tree or as a table: the view, its history, numbers in `locale`. */
export interface CgroupSectionProps {
  view: PanelView;
  history: CgroupHistory;
  messages: PanelMessages;
  locale: string;
}

export interface KernelPanelProps {
  /** null: nothing received yet (the panel says it is waiting). */
  view: PanelView | null;
  /** Per cgroup path: the last minute of memory samples and the OOM kills / refused forks seen, with when. */
  history: CgroupHistory;
  messages: PanelMessages;
  /** The page's language tag (`htmlLang`: pt-BR, gl), for numbers and times. */
  lang: string;
  /** Collapsed, the panel draws only its header: the store can stop the agent's stream. */
  open: boolean;
  onOpenChange(open: boolean): void;
  section: PanelSectionId;
  onSectionChange(section: PanelSectionId): void;
  /** The same facts as plain tables, for screen readers and for copying. */
  tableView: boolean;
  onTableViewChange(on: boolean): void;
  /** The terminal tab on show (0: A, 1: B): the Mounts section opens on the process it types into. */
  activeTab?: number;
}
