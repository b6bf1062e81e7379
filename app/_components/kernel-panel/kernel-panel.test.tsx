// The Kernel panel rendered to markup from views recorded off real sandboxes (fixtures/, written by the
// agent's kernel tests): each test asserts the fact a lesson is about — the UTS namespace a process moved to,
// the PID it has inside its own PID namespace, the OOM kill against the limit, the whiteout, the veth pair —
// in the drawing and again in the table view, in both locales.
import {
  type CgroupHistory,
  PANEL_SECTION_IDS,
  type PanelSectionId,
  type PanelView,
  panelBase,
  panelCgroup,
  panelMountView,
  panelNetNs,
  panelOverlay,
  panelProc,
  panelUts,
} from '@protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { format } from '@/lib/i18n';
import { htmlLang } from '@/lib/locales';
import gl from '@/messages/gl.json';
import pt from '@/messages/pt.json';
import nestedNs from './fixtures/nested-ns.json';
import oom from './fixtures/oom.json';
import overlayWhiteout from './fixtures/overlay-whiteout.json';
import veth from './fixtures/veth.json';
import { KernelPanel } from './kernel-panel';
import { MountsSection } from './mounts-section';
import { indexNamespaces } from './ns-index';
import { find, findAll } from './test-html';
import type { PanelMessages } from './types';

// A fixture is checked against the protocol's own validators: a recording that drifted from the protocol
// fails here, not as an odd drawing.
const fixtureSchema = z.object({
  view: z.strictObject({
    t: z.number(),
    base: panelBase,
    procs: z.array(panelProc),
    uts: z.array(panelUts),
    cgroups: z.array(panelCgroup),
    mountViews: z.array(panelMountView),
    overlays: z.array(panelOverlay),
    net: z.array(panelNetNs),
    truncated: z.boolean(),
  }),
  history: z.record(
    z.string(),
    z.object({
      samples: z.array(z.object({ t: z.number(), usage: z.number(), limit: z.number().nullable() })),
      events: z.array(z.object({ t: z.number(), kind: z.enum(['oom', 'pids']), count: z.number() })),
    }),
  ),
});
type Fixture = { view: PanelView; history: CgroupHistory };

const fixtures = {
  'nested-ns': fixtureSchema.parse(nestedNs) as Fixture,
  oom: fixtureSchema.parse(oom) as Fixture,
  'overlay-whiteout': fixtureSchema.parse(overlayWhiteout) as Fixture,
  veth: fixtureSchema.parse(veth) as Fixture,
};
const catalogs = { pt: pt.panel, gl: gl.panel } as const;
type Locale = keyof typeof catalogs;

function render(
  fixture: Fixture | null,
  section: PanelSectionId,
  { tableView = false, locale = 'pt' as Locale, open = true } = {},
): string {
  const noop = () => {};
  return renderToStaticMarkup(
    <KernelPanel
      view={fixture?.view ?? null}
      history={fixture?.history ?? {}}
      messages={catalogs[locale]}
      lang={htmlLang[locale]}
      open={open}
      onOpenChange={noop}
      section={section}
      onSectionChange={noop}
      tableView={tableView}
      onTableViewChange={noop}
    />,
  );
}

const m: PanelMessages = catalogs.pt;

describe('the panel frame', () => {
  it('says it is waiting before the first view, with the header button expanded', () => {
    const html = render(null, 'processes');
    expect(find(html, { 'data-testid': 'kernel-panel-waiting' }).text).toBe(m.waiting);
    expect(find(html, { 'data-testid': 'kernel-panel-toggle' }).attrs.get('aria-expanded')).toBe('true');
    expect(findAll(html, { role: 'tablist' })).toHaveLength(0);
  });

  it('collapsed, draws only its header', () => {
    const html = render(fixtures.veth, 'network', { open: false });
    const toggle = find(html, { 'data-testid': 'kernel-panel-toggle' });
    expect(toggle.attrs.get('aria-expanded')).toBe('false');
    const body = find(html, { id: toggle.attrs.get('aria-controls') ?? '' });
    expect(body.attrs.has('hidden')).toBe(true);
    expect(body.text).toBe('');
    expect(findAll(html, { 'data-testid': 'kernel-panel-table-view' })).toHaveLength(0);
  });

  it('has the four sections as a tablist, the chosen one selected and labelling its panel', () => {
    const html = render(fixtures.oom, 'cgroups');
    const tabs = findAll(html, { role: 'tab' });
    expect(tabs.map((t) => t.text)).toEqual(PANEL_SECTION_IDS.map((s) => m.section[s]));
    const selected = tabs.filter((t) => t.attrs.get('aria-selected') === 'true');
    expect(selected.map((t) => t.text)).toEqual([m.section.cgroups]);
    expect(selected[0]?.attrs.get('tabindex')).toBe('0');
    const panel = find(html, { id: selected[0]?.attrs.get('aria-controls') ?? '' });
    expect(panel.attrs.get('role')).toBe('tabpanel');
    expect(panel.attrs.get('aria-labelledby')).toBe(selected[0]?.attrs.get('id'));
    expect(panel.attrs.has('hidden')).toBe(false);
    // The others exist (their tabs control them) but are hidden and empty.
    const hidden = findAll(html, { role: 'tabpanel', hidden: true });
    expect(hidden).toHaveLength(3);
    for (const h of hidden) expect(h.text).toBe('');
  });
});

describe('processes and namespaces (nested-ns: unshare into new PID, UTS, mount, IPC and net namespaces)', () => {
  const { view } = fixtures['nested-ns'];
  // Inodes differ from one recording to the next: take them from the view (process 8 is the `unshare`).
  const proc = (pid: number) => view.procs.find((p) => p.pids[0] === pid);
  const newUts = String(proc(8)?.ns.uts);
  const newMnt = String(proc(8)?.ns.mnt);
  const html = render(fixtures['nested-ns'], 'processes');
  const row = (pid: number) => find(html, { 'data-testid': 'panel-proc', 'data-pid': String(pid) });
  const badge = (pid: number, kind: string) => find(row(pid).html, { 'data-ns-kind': kind }); // the row's own badge comes before its children's

  it('shows the PID as each PID namespace sees it, explained in the title', () => {
    const pids = find(row(9).html, { 'data-testid': 'proc-pids' });
    expect(pids.text).toBe('9 → 1');
    expect(pids.attrs.get('title')).toBe('9 na sandbox, 1 dentro do seu próprio namespace PID');
    expect(find(row(2).html, { 'data-testid': 'proc-pids' }).text).toBe('2');
  });

  it('nests processes under their parents', () => {
    expect(findAll(row(2).html, { 'data-testid': 'panel-proc', 'data-pid': '8' })).toHaveLength(1);
    expect(findAll(row(8).html, { 'data-testid': 'panel-proc', 'data-pid': '9' })).toHaveLength(1);
    expect(findAll(row(3).html, { 'data-testid': 'panel-proc' })).toHaveLength(1);
  });

  it('gives the sandbox’s UTS namespace the neutral badge and the new one its own, with its hostname', () => {
    const own = badge(2, 'uts');
    const made = badge(8, 'uts');
    expect(own.attrs.get('data-ns')).toBe(String(view.base.ns.uts));
    expect(own.text).toBe('uts');
    expect(own.attrs.get('data-color')).toBe('0');
    expect(made.attrs.get('data-ns')).toBe(newUts);
    expect(made.text).toBe('uts 1');
    expect(made.attrs.get('data-color')).not.toBe('0');
    expect(made.attrs.get('title')).toBe(`uts:[${newUts}]: um namespace novo, o número 1`);
    expect(own.attrs.get('title')).toBe(`uts:[${view.base.ns.uts}]: o da própria sandbox`);
    // The child shares the new namespace: same badge, same colour.
    expect(badge(9, 'uts').attrs.get('data-ns')).toBe(newUts);
    expect(badge(9, 'uts').attrs.get('data-color')).toBe(made.attrs.get('data-color'));
    // The hostname appears where it differs from the sandbox's, not on the sandbox's own shells.
    expect(find(row(8).html, { 'data-testid': 'proc-hostname' }).text).toBe('contedor-a-man');
    expect(findAll(row(3).html, { 'data-testid': 'proc-hostname' })).toHaveLength(0);
  });

  it('numbers the new PID namespace apart from the sandbox’s', () => {
    expect(badge(8, 'pid').text).toBe('pid');
    expect(badge(9, 'pid').text).toBe('pid 1');
    expect(badge(9, 'user').text).toBe('user');
  });

  it('lists every namespace the student made in the legend, with its full name', () => {
    const legend = findAll(html, { 'data-testid': 'panel-ns-legend' });
    const uts = legend.find((l) => l.attrs.get('data-ns-kind') === 'uts');
    expect(uts?.text).toContain(`uts:[${newUts}]`);
    expect(uts?.text).toContain('contedor-a-man');
    expect(uts?.text).toContain('processos 8, 9');
    expect(legend.map((l) => l.attrs.get('data-ns-kind')).sort()).toEqual(['ipc', 'mnt', 'net', 'pid', 'uts']);
  });

  it('has the same facts in the table view', () => {
    const table = render(fixtures['nested-ns'], 'processes', { tableView: true });
    expect(findAll(table, { 'data-testid': 'panel-proc-tree' })).toHaveLength(0);
    const r9 = find(table, { 'data-testid': 'table-proc', 'data-pid': '9' });
    expect(find(r9.html, { 'data-testid': 'table-proc-pids' }).text).toContain('9 → 1');
    expect(find(r9.html, { 'data-testid': 'table-proc-pids' }).text).toContain(
      '9 na sandbox, 1 dentro do seu próprio namespace PID',
    );
    expect(find(r9.html, { 'data-testid': 'table-proc-hostname' }).text).toBe('contedor-a-man');
    expect(find(r9.html, { 'data-ns-kind': 'uts' }).text).toBe(`uts:[${newUts}]: um namespace novo, o número 1`);
    const r2 = find(table, { 'data-testid': 'table-proc', 'data-pid': '2' });
    expect(find(r2.html, { 'data-testid': 'table-proc-hostname' }).text).toBe(view.base.hostname);
    expect(find(r2.html, { 'data-ns-kind': 'uts' }).text).toContain('o da própria sandbox');
  });

  it('shows first the mounts of the newest process with mounts of its own: the shell, not the unshare', () => {
    const mounts = render(fixtures['nested-ns'], 'mounts');
    const select = find(mounts, { 'data-testid': 'mounts-proc' });
    expect(find(select.html, { selected: true }).attrs.get('value')).toBe('9');
    const note = find(mounts, { 'data-testid': 'mounts-view-note' });
    expect(note.text).toContain(`Tem o próprio namespace de montagens (mnt:[${newMnt}]).`);
    expect(note.text).toContain(m.mounts.otherRoot);
    const table = find(mounts, { 'data-testid': 'panel-mount-table' });
    expect(table.attrs.get('data-view')).toBe(proc(9)?.mountView);
  });

  it('opens on the process the terminal tab on show types into, as the agent marks it', () => {
    // derived: the marks the agent sets (tab A types into the chrooted sh, tab B into its bash)
    const marked: Fixture = {
      ...fixtures['nested-ns'],
      view: {
        ...view,
        procs: view.procs.map((p) => (p.key === '9' ? { ...p, typing: 0 } : p.key === '3' ? { ...p, typing: 1 } : p)),
      },
    };
    const selected = (activeTab: number) => {
      const html = renderToStaticMarkup(
        <KernelPanel
          view={marked.view}
          history={{}}
          messages={m}
          lang="pt-BR"
          open={true}
          onOpenChange={() => {}}
          section="mounts"
          onSectionChange={() => {}}
          tableView={false}
          onTableViewChange={() => {}}
          activeTab={activeTab}
        />,
      );
      return find(find(html, { 'data-testid': 'mounts-proc' }).html, { selected: true }).attrs.get('value');
    };
    expect(selected(0)).toBe('9');
    expect(selected(1)).toBe('3');
  });

  it('says when a process sees another root', () => {
    const html9 = renderToStaticMarkup(
      <MountsSection
        view={view}
        index={indexNamespaces(view)}
        messages={m}
        chosen="9"
        onChoose={() => {}}
        tableView={false}
      />,
    );
    expect(find(html9, { 'data-testid': 'mounts-view-note' }).text).toContain(m.mounts.otherRoot);
    expect(find(html9, { 'data-testid': 'panel-mount-table' }).attrs.get('data-view')).toBe(proc(9)?.mountView);
  });
});

describe('cgroups (oom: a 100 MiB group whose process the kernel killed)', () => {
  const html = render(fixtures.oom, 'cgroups');
  const demo = find(html, { 'data-testid': 'panel-cgroup', 'data-path': '/demo' });

  it('nests the group under the sandbox’s own, with its process and its memory against the limit', () => {
    const root = find(html, { 'data-testid': 'panel-cgroup', 'data-path': '/' });
    expect(findAll(root.html, { 'data-testid': 'panel-cgroup', 'data-path': '/demo' })).toHaveLength(1);
    expect(find(demo.html, { 'data-testid': 'cgroup-proc' }).text).toBe('3 bash');
    const memory = find(demo.html, { 'data-testid': 'cgroup-memory' }).text;
    expect(memory).toContain('104 KiB de 100 MiB');
    expect(memory).toContain('mortos por falta de memória (OOM): 1');
  });

  it('writes the sandbox group’s PIDs and CPU quota', () => {
    const root = find(html, { 'data-testid': 'panel-cgroup', 'data-path': '/' });
    expect(find(root.html, { 'data-testid': 'cgroup-pids' }).text).toBe('3 de 256');
    // Kernel numbers as their files hold them: cpu.shares is 1024, not the locale's "1.024".
    expect(find(root.html, { 'data-testid': 'cgroup-cpu' }).text).toBe(
      '100% de uma CPU: 100000 µs a cada 100000 µs · peso 1024',
    );
  });

  it('charts the usage against the limit line, with a mark at the OOM kill', () => {
    const chart = find(demo.html, { 'data-testid': 'memory-chart' });
    expect(chart.attrs.get('role')).toBe('img');
    expect(chart.attrs.get('aria-label')).toBe(
      'Memória de /demo no último minuto: 104 KiB de 100 MiB; mortos por falta de memória (OOM): 1.',
    );
    expect(chart.attrs.get('data-limit')).toBe('104857600');
    expect(findAll(chart.html, { 'data-testid': 'chart-limit' })).toHaveLength(1);
    expect(findAll(chart.html, { 'data-testid': 'chart-usage' })).toHaveLength(1);
    expect(chart.text).toContain('limite 100 MiB');
    const events = findAll(chart.html, { 'data-testid': 'chart-event' });
    expect(events.map((e) => [e.attrs.get('data-event'), e.attrs.get('data-count')])).toEqual([['oom', '1']]);
    expect(events[0]?.text).toContain('o kernel matou processos por falta de memória (1)');
    // Axes are labelled: both titles and the ends of the time axis.
    for (const label of [m.cgroups.chart.memory, m.cgroups.chart.time, m.cgroups.chart.now, '−60 s']) {
      expect(chart.text).toContain(label);
    }
  });

  it('has the same facts in the table view', () => {
    const table = render(fixtures.oom, 'cgroups', { tableView: true });
    expect(findAll(table, { 'data-testid': 'memory-chart' })).toHaveLength(0);
    const row = find(table, { 'data-testid': 'table-cgroup', 'data-path': '/demo' });
    expect(find(row.html, { 'data-testid': 'table-cgroup-memory' }).text).toContain('104 KiB de 100 MiB');
    expect(row.text).toContain('mortos por falta de memória (OOM): 1');
    expect(row.text).toContain('3 bash');
    const events = findAll(row.html, { 'data-testid': 'table-cgroup-event' });
    expect(events.map((e) => e.attrs.get('data-event'))).toEqual(['oom']);
  });

  it('speaks Galician in Galician', () => {
    const glHtml = render(fixtures.oom, 'cgroups', { locale: 'gl' });
    const chart = find(glHtml, { 'data-testid': 'memory-chart', 'data-path': '/demo' });
    expect(chart.attrs.get('aria-label')).toBe(
      'Memoria de /demo no último minuto: 104 KiB de 100 MiB; mortos por falta de memoria (OOM): 1.',
    );
  });
});

describe('mounts and layers (overlay-whiteout: a file deleted through the overlay, another written)', () => {
  const html = render(fixtures['overlay-whiteout'], 'mounts');
  const entry = (role: string, path: string) =>
    find(html, { 'data-testid': 'layer-entry', 'data-role': role, 'data-path': path });

  it('stacks merged, upper and lower, top to bottom', () => {
    const layers = findAll(html, { 'data-testid': 'overlay-layer' });
    expect(layers.map((l) => l.attrs.get('data-role'))).toEqual(['merged', 'upper', 'lower']);
    expect(layers[0]?.text).toContain('/root/ov/merged');
    expect(find(html, { 'data-testid': 'panel-overlay' }).text).toContain('overlay em /root/ov/merged');
  });

  it('strikes the whiteout through and says what it is', () => {
    const whiteout = entry('upper', 'ambos.txt');
    expect(whiteout.attrs.get('data-state')).toBe('whiteout');
    expect(whiteout.html).toMatch(/<s><span[^>]*>ambos\.txt<\/span><\/s>/);
    expect(whiteout.text).toContain('whiteout (apagado)');
    // The lower keeps its copy, hidden from merged; merged does not list it at all.
    expect(entry('lower', 'ambos.txt').attrs.get('data-state')).toBe('hidden');
    expect(findAll(html, { 'data-testid': 'layer-entry', 'data-role': 'merged', 'data-path': 'ambos.txt' })).toEqual(
      [],
    );
  });

  it('highlights the file written in upper, and where merged takes it from', () => {
    const written = entry('upper', 'baixo.txt');
    expect(written.attrs.get('data-state')).toBe('written');
    expect(written.text).toContain('escrito aqui');
    expect(entry('merged', 'baixo.txt').attrs.get('data-state')).toBe('fromUpper');
    expect(entry('lower', 'baixo.txt').attrs.get('data-state')).toBe('covered');
  });

  it('has the same facts in the table view', () => {
    const table = render(fixtures['overlay-whiteout'], 'mounts', { tableView: true });
    expect(findAll(table, { 'data-testid': 'overlay-layer' })).toHaveLength(0);
    const rows = find(table, { 'data-testid': 'panel-overlay-table' });
    const cells = findAll(rows.html, { 'data-testid': 'table-layer-entry' });
    expect(cells.map((c) => [c.attrs.get('data-path'), c.attrs.get('data-state')])).toEqual([
      ['baixo.txt', 'fromUpper'],
      ['ambos.txt', 'whiteout'],
      ['baixo.txt', 'written'],
      ['ambos.txt', 'hidden'],
      ['baixo.txt', 'covered'],
    ]);
    expect(cells[1]?.text).toBe('ambos.txt (whiteout (apagado))');
    expect(cells[2]?.text).toBe('baixo.txt (escrito aqui)');
  });

  it('lists the mounts of the sandbox’s shell when nobody has other mounts', () => {
    const select = find(html, { 'data-testid': 'mounts-proc' });
    expect(find(select.html, { selected: true }).attrs.get('value')).toBe('2');
    expect(find(html, { 'data-testid': 'mounts-view-note' }).text).toBe(m.mounts.sameAsSandbox);
    const overlayMount = find(html, { 'data-testid': 'panel-mount', 'data-mount-point': '/root/ov/merged' });
    expect(overlayMount.attrs.get('data-fs-type')).toBe('overlay');
  });
});

describe('network (veth: a pair between the sandbox and a new network namespace)', () => {
  const html = render(fixtures.veth, 'network');
  const sandboxNs = String(fixtures.veth.view.base.ns.net);
  const innerNs = String(fixtures.veth.view.procs.find((p) => p.comm === 'bash' && p.pids[0] === 8)?.ns.net);

  it('draws one box per namespace, the sandbox’s first and labelled as such', () => {
    const boxes = findAll(html, { 'data-testid': 'net-ns' });
    expect(boxes.map((b) => b.attrs.get('data-ns'))).toEqual([sandboxNs, innerNs]);
    expect(boxes[0]?.attrs.get('data-base')).toBe('true');
    expect(boxes[0]?.text).toContain(`rede da sandbox · net:[${sandboxNs}]`);
    expect(boxes[1]?.text).toContain(`net 1 · net:[${innerNs}]`);
    expect(boxes[1]?.text).toContain('processos: 8 bash');
    expect(boxes[1]?.attrs.get('data-color')).not.toBe('0');
  });

  it('joins the two ends of the veth pair', () => {
    const links = findAll(html, { 'data-testid': 'veth-link' });
    expect(links).toHaveLength(1);
    const ends = [links[0]?.attrs.get('data-a'), links[0]?.attrs.get('data-b')].sort();
    expect(ends).toEqual([`${sandboxNs}/veth0`, `${innerNs}/ceth0`].sort());
    expect(links[0]?.text).toMatch(/par veth: (veth0 \(rede da sandbox\) ↔ ceth0 \(net 1\)|ceth0.*veth0)/);
    const diagram = find(html, { 'data-testid': 'net-diagram' });
    expect(diagram.attrs.get('aria-label')).toBe('Namespaces de rede: 2; pares veth entre eles: 1.');
  });

  it('writes each end’s addresses, state and peer', () => {
    const ceth0 = find(html, { 'data-testid': 'net-iface', 'data-name': 'ceth0' });
    expect(ceth0.attrs.get('data-up')).toBe('true');
    expect(ceth0.text).toContain('par: veth0 em rede da sandbox');
    const inner = findAll(html, { 'data-testid': 'net-ns' })[1]?.html ?? '';
    expect(findAll(inner, { 'data-testid': 'net-addr' }).map((a) => a.text)).toContain('10.200.0.2/24');
    expect(find(inner, { 'data-testid': 'net-route' }).text).toContain('10.200.0.0/24 dev ceth0');
  });

  it('has the same facts in the table view', () => {
    const table = render(fixtures.veth, 'network', { tableView: true });
    expect(findAll(table, { 'data-testid': 'veth-link' })).toHaveLength(0);
    const peer = (name: string) =>
      find(find(table, { 'data-testid': 'table-net-iface', 'data-name': name }).html, {
        'data-testid': 'table-net-peer',
      }).text;
    expect(peer('ceth0')).toBe('par: veth0 em rede da sandbox');
    expect(peer('veth0')).toBe('par: ceth0 em net 1');
    const inner = find(table, { 'data-testid': 'table-net-ns', 'data-ns': innerNs });
    expect(inner.text).toContain('10.200.0.2/24');
    expect(inner.text).toContain('processos: 8 bash');
  });
});

describe('both locales', () => {
  for (const locale of Object.keys(catalogs) as Locale[]) {
    for (const [name, fixture] of Object.entries(fixtures)) {
      it(`${locale}: renders every section of ${name}, drawn and as tables, with every placeholder filled`, () => {
        for (const section of PANEL_SECTION_IDS) {
          for (const tableView of [false, true]) {
            const html = render(fixture, section, { locale, tableView });
            expect(find(html, { role: 'tabpanel', 'data-testid': `kernel-panel-section-${section}` }).text).not.toBe(
              '',
            );
            expect(html, `${section} ${tableView}`).not.toMatch(/\{\w+\}/);
          }
        }
      });
    }
  }

  it('writes Galician strings in Galician', () => {
    const html = render(fixtures['nested-ns'], 'processes', { locale: 'gl' });
    const pids = find(html, { 'data-testid': 'proc-pids', title: true });
    expect(find(html, { 'data-testid': 'panel-proc', 'data-pid': '9' }).html).toContain(
      format(gl.panel.processes.pidsTwo, { outer: 9, inner: 1 }),
    );
    expect(pids.attrs.get('title')).toBe('PID 2 na sandbox');
    expect(html).toContain('espazo de nomes');
    const net = render(fixtures.veth, 'network', { locale: 'gl', tableView: true });
    expect(net).toContain('par: veth0 en rede da sandbox');
  });
});

// What the four recordings do not show: a bridge and its ports, a link that is down, a frozen cgroup v2 group
// with a CPU quota and refused forks, layers that cannot be read, uids outside the sandbox's, a cut view.
const T = 1_800_000_000_000;
const synthetic: Fixture = {
  view: {
    t: T,
    base: { ns: { pid: 10, net: 20, uts: 30, mnt: 40 }, hostname: 'gaiola-x', cgroupVersion: 2 },
    procs: [
      {
        key: '5',
        pids: [5],
        ppid: 0,
        comm: 'bash',
        uid: 0,
        ns: { pid: 10, net: 20, uts: 30, mnt: 40 },
        mountView: '40|r',
      },
      {
        key: '6',
        pids: [6, 3, 1],
        ppid: 5,
        comm: 'sleep',
        uid: 1000,
        ns: { pid: 11, net: 21, uts: 30 },
        mountView: null,
      },
      { key: '7', pids: [7], ppid: 5, comm: 'nobody', uid: -1, ns: { pid: 10, net: 21, uts: 30 }, mountView: null },
    ],
    uts: [{ key: '30', ns: 30, hostname: 'gaiola-x' }],
    cgroups: [
      {
        key: '/',
        path: '/',
        controllers: ['unified'],
        procs: [5],
        memory: { limit: null, usage: 3 * 1024 * 1024, oomKills: 0 },
      },
      {
        key: '/lento',
        path: '/lento',
        controllers: ['unified'],
        procs: [6, 7],
        pids: { max: 2, current: 2, refused: 3 },
        cpu: { quotaUs: 50_000, periodUs: 100_000, weight: 100, nrThrottled: 12 },
        frozen: true,
      },
    ],
    mountViews: [{ key: '40|r', mnt: 40, sandboxRoot: true, mounts: [], truncated: true }],
    overlays: [
      {
        key: '0:9',
        mountPoint: '/x/merged',
        views: ['40|r'],
        layers: [
          { role: 'merged', dir: '/x/merged', entries: [], truncated: false },
          { role: 'upper', dir: 'upper', entries: [], truncated: false, error: 'relative' },
          { role: 'lower', dir: '/x/l1', entries: [{ path: 'a', type: 'dir' }], truncated: true },
          { role: 'lower', dir: '/x/l2', entries: [], truncated: false, error: 'missing' },
        ],
      },
    ],
    net: [
      {
        key: '20',
        ns: 20,
        interfaces: [
          { name: 'br0', kind: 'bridge', up: true, addrs: ['10.0.0.1/24'], master: null, peer: null },
          { name: 'v0', kind: 'veth', up: true, addrs: [], master: 'br0', peer: { ns: 21, name: 'eth0' } },
          { name: 'v9', kind: 'veth', up: false, addrs: [], master: 'br0', peer: null },
        ],
        routes: [{ dst: '10.0.0.0/24', gateway: null, dev: 'br0' }],
      },
      {
        key: '21',
        ns: 21,
        interfaces: [{ name: 'eth0', kind: 'veth', up: false, addrs: [], master: null, peer: { ns: 20, name: 'v0' } }],
        routes: [{ dst: 'default', gateway: '10.0.0.1', dev: 'eth0' }],
      },
    ],
    truncated: true,
  },
  history: { '/lento': { samples: [], events: [{ t: T - 10_000, kind: 'pids', count: 3 }] } },
};

describe('what the recordings lack (a hand-written view)', () => {
  it('says when the view was cut', () => {
    expect(render(synthetic, 'processes')).toContain(m.truncated);
  });

  it('shows every PID namespace level and uids other than root', () => {
    const html = render(synthetic, 'processes');
    const pids = find(find(html, { 'data-testid': 'panel-proc', 'data-pid': '6' }).html, {
      'data-testid': 'proc-pids',
    });
    expect(pids.text).toBe('6 → 3 → 1');
    expect(pids.attrs.get('title')).toBe('6 na sandbox, 3 nos namespaces PID do meio, 1 no mais interno');
    expect(find(html, { 'data-testid': 'panel-proc', 'data-pid': '6' }).text).toContain('uid 1000');
    expect(find(html, { 'data-testid': 'panel-proc', 'data-pid': '7' }).text).toContain(m.processes.uidOutside);
  });

  it('writes a frozen group’s CPU quota, PIDs and refused forks, and charts the refused forks', () => {
    const html = render(synthetic, 'cgroups');
    const group = find(html, { 'data-testid': 'panel-cgroup', 'data-path': '/lento' });
    expect(group.attrs.get('data-frozen')).toBe('true');
    expect(group.text).toContain('congelado');
    expect(find(group.html, { 'data-testid': 'cgroup-cpu' }).text).toBe(
      '50% de uma CPU: 50000 µs a cada 100000 µs · peso 100 · períodos em que a cota acabou: 12',
    );
    expect(find(group.html, { 'data-testid': 'cgroup-pids' }).text).toBe('2 de 2 · forks recusados: 3');
    const chart = find(group.html, { 'data-testid': 'memory-chart' });
    expect(find(chart.html, { 'data-testid': 'chart-event' }).attrs.get('data-event')).toBe('pids');
    // The sandbox's group has no limit and no past: no chart, and "no limit" in words.
    const root = find(html, { 'data-testid': 'panel-cgroup', 'data-path': '/' });
    expect(findAll(html, { 'data-testid': 'memory-chart', 'data-path': '/' })).toHaveLength(0);
    expect(find(root.html, { 'data-testid': 'cgroup-memory' }).text).toBe('3 MiB, sem limite');
  });

  it('writes kernel values as their files hold them in both locales: no thousands separator', () => {
    const big: Fixture = {
      ...synthetic,
      view: {
        ...synthetic.view,
        cgroups: synthetic.view.cgroups.map((c) =>
          c.path === '/lento'
            ? {
                ...c,
                pids: { max: 4096, current: 2, refused: 0 },
                cpu: { quotaUs: 150_000, periodUs: 100_000, weight: 10_000, nrThrottled: 0 },
              }
            : c,
        ),
      },
    };
    for (const locale of ['pt', 'gl'] as const) {
      const group = find(render(big, 'cgroups', { locale }), { 'data-testid': 'panel-cgroup', 'data-path': '/lento' });
      expect(find(group.html, { 'data-testid': 'cgroup-pids' }).text, locale).toBe(`2 de 4096`);
      const cpu = find(group.html, { 'data-testid': 'cgroup-cpu' }).text;
      expect(cpu, locale).toContain('150000 µs');
      expect(cpu, locale).toContain('100000 µs');
      expect(cpu, locale).toContain('peso 10000');
    }
  });

  it('says why a layer has no entries, and that a list goes on', () => {
    const html = render(synthetic, 'mounts');
    const layers = findAll(html, { 'data-testid': 'overlay-layer' });
    expect(layers.map((l) => l.attrs.get('data-dir'))).toEqual(['/x/merged', 'upper', '/x/l1', '/x/l2']);
    expect(layers[1]?.text).toContain(m.mounts.error.relative);
    expect(layers[2]?.text).toContain('lower 1: só leitura');
    expect(layers[2]?.text).toContain(m.mounts.more);
    expect(layers[3]?.text).toContain('lower 2: só leitura');
    expect(layers[3]?.text).toContain(m.mounts.error.missing);
    expect(html).toContain(m.mounts.truncated);
  });

  it('lists a bridge’s ports, names each port’s bridge and draws a down link as down', () => {
    const html = render(synthetic, 'network');
    expect(find(html, { 'data-testid': 'net-iface', 'data-name': 'br0' }).text).toContain('portas: v0, v9');
    expect(find(html, { 'data-testid': 'net-iface', 'data-name': 'v0' }).text).toContain('porta de br0');
    const v9 = find(html, { 'data-testid': 'net-iface', 'data-name': 'v9' });
    expect(v9.attrs.get('data-up')).toBe('false');
    expect(v9.text).toContain('inativa');
    expect(v9.text).toContain(m.network.peerHidden);
    expect(findAll(html, { 'data-testid': 'veth-link' })).toHaveLength(1);
    const table = render(synthetic, 'network', { tableView: true });
    expect(find(table, { 'data-testid': 'table-net-iface', 'data-name': 'v0' }).text).toContain('br0');
    expect(find(table, { 'data-testid': 'table-net-ns', 'data-ns': '21' }).text).toContain('default');
  });
});
