// The Kernel panel's client state, outside React like the lesson store it belongs to: whether the panel is
// open and which section shows, the view the agent's `panel` messages build up, and a minute of memory
// history per cgroup with the OOM kills and refused forks seen. It asks one tab's socket for the stream
// (the "carrier") while the panel is open and the page visible, and stops it otherwise: a closed panel or a
// hidden tab costs the agent nothing.
import {
  applyPanel,
  type CgroupHistory,
  EMPTY_PANEL_VIEW,
  nextHistory,
  PANEL_SECTION_IDS,
  type PanelMessage,
  type PanelOpenMessage,
  type PanelSectionId,
  type PanelView,
} from '@protocol';
import { SnapshotStore } from '@/lib/snapshot-store';
import type { TabIndex } from '@/lib/terminal/tab';

const STORAGE_KEY = 'gaiola.panel';

export interface PanelState {
  readonly open: boolean;
  readonly section: PanelSectionId;
  readonly tableView: boolean;
  /** null until the first message after opening. */
  readonly view: PanelView | null;
  readonly history: CgroupHistory;
  /** The terminal tab on show: the Mounts section opens on the process it types into. */
  readonly activeTab: TabIndex;
}

export const CLOSED_PANEL: PanelState = Object.freeze({
  open: false,
  section: 'processes',
  tableView: false,
  view: null,
  history: {},
  activeTab: 0,
});

/** Sends a control message over a tab's socket; false when that tab is not connected. */
export type TabSender = (tab: TabIndex, message: PanelOpenMessage) => boolean;

export class PanelStore extends SnapshotStore<PanelState> {
  private visible = true;
  private carrier: TabIndex | null = null;
  private send: TabSender = () => false;

  constructor() {
    super(CLOSED_PANEL);
  }

  /** Restores the student's last choice (open, section, table view) from this browser. */
  restore(): void {
    try {
      const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<PanelState> | null;
      if (!saved) return;
      this.update({
        open: saved.open === true,
        section: PANEL_SECTION_IDS.includes(saved.section as PanelSectionId)
          ? (saved.section as PanelSectionId)
          : 'processes',
        tableView: saved.tableView === true,
      });
      this.sync();
    } catch {
      // Storage refused or corrupt: the defaults stand.
    }
  }

  // --- for the lesson store (sockets) -------------------------------------------------------------

  setSender(send: TabSender): void {
    this.send = send;
  }

  /** A tab's socket is connected or not (the sender says which can carry a message). */
  setTabConnected(tab: TabIndex, connected: boolean): void {
    if (!connected && this.carrier === tab) this.carrier = null;
    this.sync();
  }

  /** A `hello` on a tab: a new socket, so any stream it carried is gone; ask again if the panel is open. */
  hello(tab: TabIndex): void {
    if (this.carrier === tab) this.carrier = null;
    this.sync();
  }

  receive(message: PanelMessage): void {
    if (!this.state.open) return;
    const before = this.state.view;
    const view = applyPanel(message.full ? EMPTY_PANEL_VIEW : (before ?? EMPTY_PANEL_VIEW), message);
    // A new sandbox (another user namespace) has nothing in common with the old one's history.
    const sameSandbox = before !== null && before.base.ns.user === view.base.ns.user;
    const history = nextHistory(sameSandbox ? this.state.history : {}, sameSandbox ? before : null, view);
    this.update({ view, history });
  }

  // --- for the panel and the lesson text ----------------------------------------------------------

  setOpen(open: boolean): void {
    if (open === this.state.open) return;
    this.update(open ? { open } : { open, view: null });
    this.save();
    this.sync();
  }

  setSection(section: PanelSectionId): void {
    if (section === this.state.section) return;
    this.update({ section });
    this.save();
    // The agent reads what the section draws: tell it.
    if (this.carrier !== null) this.send(this.carrier, { type: 'panel', open: true, section });
  }

  /** Opens the panel at a section (a lesson's "look at the panel" link). */
  show(section: PanelSectionId): void {
    this.setSection(section);
    this.setOpen(true);
  }

  setTableView(tableView: boolean): void {
    this.update({ tableView });
    this.save();
  }

  /** The terminal panel shows another tab. */
  setActiveTab(activeTab: TabIndex): void {
    if (activeTab !== this.state.activeTab) this.update({ activeTab });
  }

  /** The page became visible or hidden (visibilitychange). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.sync();
  }

  // --- internals -----------------------------------------------------------------------------------

  /** Starts or stops the stream so that exactly one tab carries it while the panel is open and visible. */
  private sync(): void {
    const want = this.state.open && this.visible;
    if (!want && this.carrier !== null) {
      this.send(this.carrier, { type: 'panel', open: false });
      this.carrier = null;
      return;
    }
    if (want && this.carrier === null) {
      for (const tab of [0, 1] as const) {
        if (this.send(tab, { type: 'panel', open: true, section: this.state.section })) {
          this.carrier = tab;
          return;
        }
      }
    }
  }

  private save(): void {
    try {
      const { open, section, tableView } = this.state;
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ open, section, tableView }));
    } catch {
      // Private mode or a full storage: the choice lasts this page only.
    }
  }
}
