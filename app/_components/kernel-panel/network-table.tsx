// The table view of the network: per namespace, its processes, a table of interfaces (with each veth's
// other end and each port's bridge written out) and a table of routes.
import type { PanelView } from '@protocol';
import { format } from '@/lib/i18n';
import styles from './kernel-panel.module.css';
import { orderNamespaces } from './net-layout';
import { netNsProcs, netNsShort, netNsTitle, routeText } from './network-section';
import type { NsIndex } from './ns-index';
import { EmptySection, HeadRow } from './panel-parts';
import type { PanelMessages } from './types';

export function NetworkTable({ view, index, messages }: { view: PanelView; index: NsIndex; messages: PanelMessages }) {
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
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption className="visually-hidden">{format(m.interfacesCaption, { ns: title })}</caption>
                <HeadRow labels={[m.name, m.kind, m.state, m.addresses, m.master, m.peerColumn]} />
                <tbody>
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
                </tbody>
              </table>
            </div>
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption className="visually-hidden">{format(m.routesCaption, { ns: title })}</caption>
                <HeadRow labels={[m.destination, m.gateway, m.device]} />
                <tbody>
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
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
