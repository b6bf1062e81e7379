import { defineLesson } from '../types';
import quiz from './quiz';

export default defineLesson({
  slug: '14-ports-and-names',
  order: 15,
  title: {
    pt: 'Publicar uma porta e dar nomes',
    gl: 'Publicar un porto e dar nomes',
  },
  summary: {
    pt: 'Um servidor num contêiner só é alcançável pelo endereço dele: uma regra DNAT na sandbox publica uma porta dela, como o `docker run -p`, e um `/etc/hosts` montado só no contêiner dá nomes aos endereços.',
    gl: 'Un servidor nun contedor só se alcanza polo seu enderezo: unha regra DNAT na sandbox publica un porto dela, coma o `docker run -p`, e un `/etc/hosts` montado só no contedor dálles nomes aos enderezos.',
  },
  steps: [
    {
      id: 'container',
      title: { pt: 'Um contêiner ligado à sandbox', gl: 'Un contedor ligado á sandbox' },
      commands: [
        { tab: 0, text: 'unshare -n -m bash' },
        { tab: 0, text: 'echo $$ > /tmp/web.pid' },
        { tab: 1, text: 'ip link add veth-web type veth peer name eth0 netns $(cat /tmp/web.pid)' },
        { tab: 1, text: 'ip addr add 172.17.0.1/16 dev veth-web && ip link set veth-web up' },
        { tab: 0, text: 'ip link set lo up && ip addr add 172.17.0.2/16 dev eth0 && ip link set eth0 up' },
        { tab: 1, text: 'ping -c 1 172.17.0.2' },
      ],
      check: {
        id: 'iface-up',
        params: { outside: 'veth-web', outsideAddr: '172.17.0.1/16', inside: 'eth0', insideAddr: '172.17.0.2/16' },
      },
      hints: {
        'other-addr': {
          pt: 'A interface `{iface}` tem `{found}`, mas não o endereço `{addr}`. Rode `ip addr add {addr} dev {iface}` no terminal que enxerga essa interface: o Terminal B para `veth-web`, o Terminal A (o `unshare -n -m bash`) para `eth0`.',
          gl: 'A interface `{iface}` ten `{found}`, pero non o enderezo `{addr}`. Executa `ip addr add {addr} dev {iface}` no terminal que ve esa interface: o Terminal B para `veth-web`, o Terminal A (o `unshare -n -m bash`) para `eth0`.',
        },
        'no-addr': {
          pt: 'A interface `{iface}` não tem o endereço `{addr}`. Rode `ip addr add {addr} dev {iface}` no terminal que enxerga essa interface: o Terminal B para `veth-web`, o Terminal A (o `unshare -n -m bash`) para `eth0`. Se o `ip link add` falhou, confira se `/tmp/web.pid` tem o PID do bash do Terminal A.',
          gl: 'A interface `{iface}` non ten o enderezo `{addr}`. Executa `ip addr add {addr} dev {iface}` no terminal que ve esa interface: o Terminal B para `veth-web`, o Terminal A (o `unshare -n -m bash`) para `eth0`. Se o `ip link add` fallou, comproba que `/tmp/web.pid` ten o PID do bash do Terminal A.',
        },
        down: {
          pt: 'A interface `{iface}` está desligada. Rode `ip link set {iface} up` no terminal onde ela está.',
          gl: 'A interface `{iface}` está apagada. Executa `ip link set {iface} up` no terminal onde estea.',
        },
      },
    },
    {
      id: 'server',
      title: { pt: 'Um servidor dentro do contêiner', gl: 'Un servidor dentro do contedor' },
      commands: [
        { tab: 0, text: "mkdir -p /tmp/www && echo 'web: 172.17.0.2' > /tmp/www/index.html" },
        { tab: 0, text: 'busybox httpd -f -p 80 -h /tmp/www & echo $! > /tmp/httpd.pid' },
        { tab: 0, text: 'ss -ltn' },
        { tab: 1, text: 'ss -ltn; busybox wget -qO- http://172.17.0.2/' },
      ],
      check: { id: 'net-listener', params: { addr: '172.17.0.2/16', port: 80 } },
      hints: {
        'no-container': {
          pt: 'Nenhum namespace de rede seu tem a ponta de um par veth com `{addr}`. Volte ao passo anterior: o Terminal A precisa estar no `unshare -n -m bash`, com o `eth0` configurado.',
          gl: 'Ningún espazo de nomes de rede teu ten o extremo dun par veth con `{addr}`. Volve ao paso anterior: o Terminal A ten que estar no `unshare -n -m bash`, co `eth0` configurado.',
        },
        'other-port': {
          pt: 'No contêiner de `{addr}`, algo escuta em TCP {found}, mas nada na porta {port}. Rode `busybox httpd -f -p {port} -h /tmp/www &` no Terminal A (dentro do contêiner, não no Terminal B) e confira com `ss -ltn`.',
          gl: 'No contedor de `{addr}`, algo escoita en TCP {found}, pero nada no porto {port}. Executa `busybox httpd -f -p {port} -h /tmp/www &` no Terminal A (dentro do contedor, non no Terminal B) e compróbao con `ss -ltn`.',
        },
        'no-listener': {
          pt: 'No contêiner de `{addr}`, nada escuta na porta TCP {port}. Rode `busybox httpd -f -p {port} -h /tmp/www &` no Terminal A (dentro do contêiner, não no Terminal B) e confira com `ss -ltn`.',
          gl: 'No contedor de `{addr}`, nada escoita no porto TCP {port}. Executa `busybox httpd -f -p {port} -h /tmp/www &` no Terminal A (dentro do contedor, non no Terminal B) e compróbao con `ss -ltn`.',
        },
      },
    },
    {
      id: 'publish',
      title: { pt: 'Publicar a porta 8080', gl: 'Publicar o porto 8080' },
      commands: [
        { tab: 1, text: 'nft add table ip nat' },
        { tab: 1, text: "nft add chain ip nat output '{ type nat hook output priority -100; }'" },
        { tab: 1, text: 'nft add rule ip nat output ip daddr 172.17.0.1 tcp dport 8080 dnat to 172.17.0.2:80' },
        { tab: 1, text: 'nft list ruleset' },
        { tab: 1, text: 'busybox wget -qO- http://172.17.0.1:8080/' },
        { tab: 1, text: 'cat /proc/net/nf_conntrack' },
      ],
      check: { id: 'dnat-conntrack', params: { port: 8080, to: '172.17.0.2', toPort: 80 } },
      hints: {
        'no-nat': {
          pt: 'O namespace da sandbox ainda não traduziu nenhuma conexão da porta {port} para `{to}:{toPort}`. Crie a regra no Terminal B (`nft list ruleset` mostra o que existe) e depois conecte: `busybox wget -qO- http://172.17.0.1:{port}/`. Um `Connection refused` quer dizer que o servidor do contêiner não está escutando: confira com `kill -0 $(cat /tmp/httpd.pid)`.',
          gl: 'O espazo de nomes da sandbox aínda non traduciu ningunha conexión do porto {port} a `{to}:{toPort}`. Crea a regra no Terminal B (`nft list ruleset` amosa o que hai) e despois conecta: `busybox wget -qO- http://172.17.0.1:{port}/`. Un `Connection refused` quere dicir que o servidor do contedor non está escoitando: compróbao con `kill -0 $(cat /tmp/httpd.pid)`.',
        },
        'no-answer': {
          pt: 'A regra funcionou: a conexão foi traduzida para `{to}:{toPort}`, mas nenhuma resposta voltou de lá. Confira no Terminal A se o `eth0` está `UP` e se nenhuma regra do contêiner descarta pacotes (`nft list ruleset`), e tente o `wget` de novo.',
          gl: 'A regra funcionou: a conexión traduciuse a `{to}:{toPort}`, pero non volveu ningunha resposta desde aí. Comproba no Terminal A que o `eth0` está `UP` e que ningunha regra do contedor descarta paquetes (`nft list ruleset`), e tenta o `wget` outra vez.',
        },
        'other-ns': {
          pt: 'Uma conexão da porta {port} foi traduzida, mas num namespace de rede do contêiner, não no da sandbox. Publicar é trabalho de quem recebe a conexão: crie a regra no Terminal B, fora do `unshare`.',
          gl: 'Unha conexión do porto {port} traduciuse, pero nun espazo de nomes de rede do contedor, non no da sandbox. Publicar é traballo de quen recibe a conexión: crea a regra no Terminal B, fóra do `unshare`.',
        },
      },
    },
    {
      id: 'names',
      title: { pt: 'Nomes só do contêiner', gl: 'Nomes só do contedor' },
      commands: [
        { tab: 1, text: "printf '127.0.0.1 localhost\\n172.17.0.2 web\\n172.17.0.1 sandbox\\n' > /tmp/web-hosts" },
        { tab: 1, text: "echo 'nameserver 172.17.0.1' > /tmp/web-resolv.conf" },
        {
          tab: 0,
          text: 'mount --bind /tmp/web-hosts /etc/hosts && mount --bind /tmp/web-resolv.conf /etc/resolv.conf',
        },
        { tab: 0, text: 'getent hosts web sandbox; grep /etc/ /proc/self/mountinfo' },
        { tab: 1, text: 'getent hosts web; echo "exit $?"' },
      ],
      check: { id: 'etc-bound', params: { files: '/etc/hosts,/etc/resolv.conf' } },
      hints: {
        'no-container': {
          pt: 'Nenhum processo está ao mesmo tempo num namespace de rede e num de montagem seus. O Terminal A precisa estar no `unshare -n -m bash` do primeiro passo (com `-m`).',
          gl: 'Ningún proceso está á vez nun espazo de nomes de rede e nun de montaxe teus. O Terminal A ten que estar no `unshare -n -m bash` do primeiro paso (con `-m`).',
        },
        'not-bound': {
          pt: 'No namespace de montagem do contêiner, `{file}` ainda é o arquivo da sandbox: nada está montado ali. Editar o arquivo mudaria o da sandbox também; no Terminal A, monte um arquivo seu por cima com `mount --bind`.',
          gl: 'No espazo de nomes de montaxe do contedor, `{file}` aínda é o ficheiro da sandbox: non hai nada montado aí. Editar o ficheiro cambiaría tamén o da sandbox; no Terminal A, monta un ficheiro teu por riba con `mount --bind`.',
        },
        'own-file': {
          pt: 'O que está montado em `{file}` no contêiner é o próprio `{file}` da sandbox. Monte por cima um arquivo que seja só do contêiner, como `/tmp/web-hosts`.',
          gl: 'O que está montado en `{file}` no contedor é o propio `{file}` da sandbox. Monta por riba un ficheiro que sexa só do contedor, coma `/tmp/web-hosts`.',
        },
      },
    },
  ],
  quiz,
});
