// The table view of the network: per namespace, its processes, a table of interfaces (with each veth's
// other end and each port's bridge written out) and a table of routes.
import { format } from '@/lib/template';
import styles from './kernel-panel.module.css';
import { orderNamespaces } from './net-layout';
import { netNsProcs, netNsShort, netNsTitle, routeText } from './network-section';
import { EmptySection, HeadRow, PanelTable } from './panel-parts';
import type { NsSectionProps } from './types';

export function NetworkTable({ view, index, messages }: NsSectionProps) {
  const m = messages.network;
  if (view.net.length === 0) {
    return <EmptySection text={m.none} />;
  }
  return (
    <div className={styles.section}>
      {orderNamespaces(view.net, view.base.ns.net).map((ns) => {
        const title = netNsTitle(ns.ns, index, messages);
        return (
          <section key={ns.key} className={styles.netTableNs} data-testid="table-net-ns" data-ns={ns.ns}>
            <h3 className={styles.subheading}>{title}</h3>
            <p className={styles.note}>{netNsProcs(ns, view, messages)}</p>
            <PanelTable
              caption={format(m.interfacesCaption, { ns: title })}
              captionHidden
              head={<HeadRow labels={[m.name, m.kind, m.state, m.addresses, m.master, m.peerColumn]} />}
            >
              {ns.interfaces.map((iface) => (
                <tr key={iface.name} data-testid="table-net-iface" data-name={iface.name}>
                  <th scope="row" translate="no">
                    {iface.name}
                  </th>
                  <td translate="no">{iface.kind}</td>
                  <td>{iface.up ? m.up : m.down}</td>
                  <td translate="no">{iface.addrs.length === 0 ? m.noAddresses : iface.addrs.join(', ')}</td>
                  <td translate="no">{iface.master ?? ''}</td>
                  <td data-testid="table-net-peer">
                    {iface.peer
                      ? format(m.peer, { name: iface.peer.name, ns: netNsShort(iface.peer.ns, index, messages) })
                      : iface.kind === 'veth'
                        ? m.peerHidden
                        : ''}
                  </td>
                </tr>
              ))}
            </PanelTable>
            <PanelTable
              caption={format(m.routesCaption, { ns: title })}
              captionHidden
              head={<HeadRow labels={[m.destination, m.gateway, m.device]} />}
            >
              {ns.routes.length === 0 ? (
                <tr>
                  <td colSpan={3}>{m.noRoutes}</td>
                </tr>
              ) : (
                ns.routes.map((route) => (
                  <tr key={routeText(route)} data-testid="table-net-route">
                    <th scope="row" translate="no">
                      {route.dst}
                    </th>
                    <td translate="no">{route.gateway ?? ''}</td>
                    <td translate="no">{route.dev ?? ''}</td>
                  </tr>
                ))
              )}
            </PanelTable>
          </section>
        );
      })}
    </div>
  );
}
