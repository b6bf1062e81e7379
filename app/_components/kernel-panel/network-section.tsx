// Network: each network namespace as a box (the sandbox's own first) with its interfaces, addresses and
// routes, and each veth pair as a curve joining its two ends. A bridge lists its ports, a port names its
// bridge. Boxes take the colour and number their namespace has in the process badges.
import type { PanelInterface, PanelNetNs, PanelView } from '@protocol';
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { clip, NET, type NetBox, type NetLink, type NetRow, netLayout } from './net-layout';
import { type NsIndex, nsColor, nsLabel, nsName, nsNumber } from './ns-index';
import { EmptySection } from './panel-parts';
import { sandboxPid } from './proc-tree';
import type { NsSectionProps, PanelMessages } from './types';

/** Where the text of a row starts, and how far an address is indented under its interface. */
const TEXT_X = 8;
const ADDR_INDENT = 18;

/** "rede da sandbox" or "net 2": a network namespace in a few characters. */
export function netNsShort(ns: number, index: NsIndex, messages: PanelMessages): string {
  const n = nsNumber(index, 'net', ns);
  return n === 0 ? messages.network.sandbox : nsLabel('net', n);
}

/** The short name and the kernel's: the label of a namespace's box and table. */
export function netNsTitle(ns: number, index: NsIndex, messages: PanelMessages): string {
  return `${netNsShort(ns, index, messages)} · ${nsName('net', ns)}`;
}

/** "processes: 37 sh, 40 bash", or who keeps an empty namespace alive. */
export function netNsProcs(ns: PanelNetNs, view: PanelView, messages: PanelMessages): string {
  const procs = view.procs.filter((p) => p.ns.net === ns.ns);
  if (procs.length === 0) return messages.network.noProcesses;
  const list = procs.map((p) => `${sandboxPid(p)} ${p.comm}`).join(', ');
  return format(messages.network.processes, { list });
}

/** What an interface is attached to: its bridge, a bridge's ports, or a veth's other end. */
export function ifaceLinks(
  iface: PanelInterface,
  ns: PanelNetNs,
  index: NsIndex,
  messages: PanelMessages,
): string | null {
  const m = messages.network;
  const parts: string[] = [];
  if (iface.master) parts.push(format(m.port, { bridge: iface.master }));
  if (iface.kind === 'bridge') {
    const ports = ns.interfaces.filter((i) => i.master === iface.name).map((i) => i.name);
    if (ports.length > 0) parts.push(format(m.ports, { list: ports.join(', ') }));
  }
  if (iface.peer) parts.push(format(m.peer, { name: iface.peer.name, ns: netNsShort(iface.peer.ns, index, messages) }));
  else if (iface.kind === 'veth') parts.push(m.peerHidden);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function routeText(route: PanelNetNs['routes'][number]): string {
  return [route.dst, route.gateway ? `via ${route.gateway}` : '', route.dev ? `dev ${route.dev}` : '']
    .filter(Boolean)
    .join(' ');
}

export function NetworkSection({ view, index, messages }: NsSectionProps) {
  const m = messages.network;
  if (view.net.length === 0) {
    return <EmptySection text={m.none} />;
  }
  const layout = netLayout(view.net, view.base.ns.net);
  return (
    <div className={styles.section}>
      <svg
        className={styles.netDiagram}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        style={{ maxWidth: layout.width }}
        role="img"
        aria-label={format(m.diagram, { n: layout.boxes.length, links: layout.links.length })}
        data-testid="net-diagram"
      >
        {layout.boxes.map((box) => (
          <Box key={box.ns.key} box={box} x={layout.boxX} view={view} index={index} messages={messages} />
        ))}
        {layout.links.map((link) => (
          <Link
            key={`${link.a.ns}/${link.a.name}`}
            link={link}
            x={layout.boxX + NET.boxWidth}
            index={index}
            messages={messages}
          />
        ))}
      </svg>
    </div>
  );
}

function Box({
  box,
  x,
  view,
  index,
  messages,
}: {
  box: NetBox;
  x: number;
  view: PanelView;
  index: NsIndex;
  messages: PanelMessages;
}) {
  const { ns } = box;
  const isBase = ns.ns === view.base.ns.net;
  return (
    <g
      data-testid="net-ns"
      data-ns={ns.ns}
      data-base={isBase || undefined}
      data-color={nsColor(nsNumber(index, 'net', ns.ns))}
    >
      <rect x={x} y={box.y} width={NET.boxWidth} height={box.height} rx={6} className={styles.netBox} />
      {box.rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are laid out afresh from each view and hold no state
        <Row key={`${row.type}-${i}`} row={row} x={x} ns={ns} view={view} index={index} messages={messages} />
      ))}
    </g>
  );
}

function Row({
  row,
  x,
  ns,
  view,
  index,
  messages,
}: {
  row: NetRow;
  x: number;
  ns: PanelNetNs;
  view: PanelView;
  index: NsIndex;
  messages: PanelMessages;
}) {
  const m = messages.network;
  const at = { x: x + TEXT_X, y: row.y, dy: '0.35em' };
  switch (row.type) {
    case 'title':
      return (
        <text {...at} className={styles.netTitle}>
          {clip(netNsTitle(ns.ns, index, messages))}
        </text>
      );
    case 'procs': {
      const text = netNsProcs(ns, view, messages);
      return (
        <text {...at} className={styles.netMuted}>
          <title>{text}</title>
          {clip(text)}
        </text>
      );
    }
    case 'iface': {
      const { iface } = row;
      const state = iface.up ? m.up : m.down;
      const links = ifaceLinks(iface, ns, index, messages);
      const rest = [iface.kind, state, links].filter(Boolean).join('  ');
      const full = [iface.name, rest, iface.addrs.length === 0 ? m.noAddresses : iface.addrs.join(', ')].join('  ');
      return (
        <g data-testid="net-iface" data-name={iface.name} data-up={iface.up} data-master={iface.master ?? undefined}>
          <title>{full}</title>
          <circle cx={x + TEXT_X + 3} cy={row.y} r={3} className={iface.up ? styles.upDot : styles.downDot} />
          <text x={at.x + 10} y={row.y} dy={at.dy}>
            <tspan className={styles.netName}>{iface.name}</tspan>
            <tspan className={styles.netMuted}> {clip(rest, NET.chars - iface.name.length - 3)}</tspan>
          </text>
        </g>
      );
    }
    case 'addr':
      return (
        <text x={at.x + ADDR_INDENT} y={row.y} dy={at.dy} data-testid="net-addr">
          {clip(row.addr, NET.chars - 3)}
        </text>
      );
    case 'routes':
      return (
        <text {...at} className={styles.netHeading}>
          {m.routes}
        </text>
      );
    case 'noRoutes':
      return (
        <text x={at.x + 10} y={row.y} dy={at.dy} className={styles.netMuted}>
          {m.noRoutes}
        </text>
      );
    case 'route': {
      const text = routeText(row.route);
      return (
        <text x={at.x + 10} y={row.y} dy={at.dy} data-testid="net-route">
          <title>{text}</title>
          {clip(text, NET.chars - 2)}
        </text>
      );
    }
  }
}

function Link({ link, x, index, messages }: { link: NetLink; x: number; index: NsIndex; messages: PanelMessages }) {
  const end = (e: NetLink['a']) => `${e.name} (${netNsShort(e.ns, index, messages)})`;
  return (
    <g
      data-testid="veth-link"
      data-a={`${link.a.ns}/${link.a.name}`}
      data-b={`${link.b.ns}/${link.b.name}`}
      className={styles.vethLink}
    >
      <title>{format(messages.network.link, { a: end(link.a), b: end(link.b) })}</title>
      <path d={link.path} />
      <circle cx={x} cy={link.y1} r={2.5} />
      <circle cx={x} cy={link.y2} r={2.5} />
    </g>
  );
}
