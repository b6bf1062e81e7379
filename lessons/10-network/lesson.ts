import { defineLesson } from '../types';
import quiz from './quiz';

export default defineLesson({
  slug: '10-network',
  order: 11,
  title: {
    pt: 'Rede: pares veth, uma bridge e rotas',
    gl: 'Rede: pares veth, unha bridge e rutas',
  },
  summary: {
    pt: 'Um namespace de rede novo só tem um lo desligado: um par veth liga o contêiner à sandbox como um cabo, uma bridge junta vários contêineres como um switch, e uma rota padrão aponta a saída.',
    gl: 'Un espazo de nomes de rede novo só ten un lo apagado: un par veth liga o contedor á sandbox coma un cable, unha bridge xunta varios contedores coma un switch, e unha ruta por defecto indica a saída.',
  },
  steps: [
    {
      id: 'veth',
      title: { pt: 'Um cabo entre dois namespaces', gl: 'Un cable entre dous espazos de nomes' },
      commands: [
        { tab: 0, text: 'unshare -n bash' },
        { tab: 0, text: 'echo $$ > /tmp/a.pid; ip link' },
        { tab: 1, text: 'ip link add veth0 type veth peer name ceth0' },
        { tab: 1, text: 'ip link set ceth0 netns $(cat /tmp/a.pid)' },
        { tab: 1, text: 'ip link show veth0' },
        { tab: 0, text: 'ip link' },
      ],
      check: { id: 'veth-pair', params: { outside: 'veth0', inside: 'ceth0' } },
      hints: {
        'not-veth': {
          pt: 'A sandbox tem uma interface `{outside}`, mas do tipo `{kind}`, não `veth`. Apague-a com `ip link del {outside}` e crie o par com `ip link add {outside} type veth peer name ceth0`.',
          gl: 'A sandbox ten unha interface `{outside}`, pero do tipo `{kind}`, non `veth`. Bórraa con `ip link del {outside}` e crea o par con `ip link add {outside} type veth peer name ceth0`.',
        },
        'no-veth': {
          pt: 'A sandbox não tem nenhuma interface `{outside}`. No Terminal B, crie o par com `ip link add {outside} type veth peer name ceth0`.',
          gl: 'A sandbox non ten ningunha interface `{outside}`. No Terminal B, crea o par con `ip link add {outside} type veth peer name ceth0`.',
        },
        'not-moved': {
          pt: 'As duas pontas do par ainda estão no namespace da sandbox. Confira se o Terminal A está no `unshare -n bash` e gravou o PID dele em `/tmp/a.pid`; depois, no Terminal B, rode `ip link set {inside} netns $(cat /tmp/a.pid)`.',
          gl: 'Os dous extremos do par seguen no espazo de nomes da sandbox. Comproba que o Terminal A está no `unshare -n bash` e que gardou o seu PID en `/tmp/a.pid`; despois, no Terminal B, executa `ip link set {inside} netns $(cat /tmp/a.pid)`.',
        },
        'not-peers': {
          pt: '`{outside}` e `{inside}` existem, mas não são as duas pontas do mesmo par. Apague com `ip link del {outside}` (e `{inside}`, onde ele estiver) e crie o par de uma vez só: `ip link add {outside} type veth peer name {inside}`.',
          gl: '`{outside}` e `{inside}` existen, pero non son os dous extremos do mesmo par. Bórraos con `ip link del {outside}` (e `{inside}`, onde estea) e crea o par dunha soa vez: `ip link add {outside} type veth peer name {inside}`.',
        },
      },
    },
    {
      id: 'addresses',
      title: { pt: 'Endereços e interfaces ligadas', gl: 'Enderezos e interfaces acesas' },
      commands: [
        { tab: 1, text: 'ip addr add 10.200.0.1/24 dev veth0 && ip link set veth0 up' },
        { tab: 0, text: 'ip link set lo up && ip addr add 10.200.0.2/24 dev ceth0 && ip link set ceth0 up' },
        { tab: 0, text: 'ip addr; ip route' },
      ],
      check: {
        id: 'iface-up',
        params: { outside: 'veth0', outsideAddr: '10.200.0.1/24', inside: 'ceth0', insideAddr: '10.200.0.2/24' },
      },
      hints: {
        'other-addr': {
          pt: 'A interface `{iface}` tem `{found}`, mas não o endereço `{addr}`. Rode `ip addr add {addr} dev {iface}` no terminal que enxerga essa interface: o Terminal B para `veth0`, o Terminal A para `ceth0`.',
          gl: 'A interface `{iface}` ten `{found}`, pero non o enderezo `{addr}`. Executa `ip addr add {addr} dev {iface}` no terminal que ve esa interface: o Terminal B para `veth0`, o Terminal A para `ceth0`.',
        },
        'no-addr': {
          pt: 'A interface `{iface}` não tem o endereço `{addr}`. Rode `ip addr add {addr} dev {iface}` no terminal que enxerga essa interface: o Terminal B para `veth0`, o Terminal A para `ceth0`.',
          gl: 'A interface `{iface}` non ten o enderezo `{addr}`. Executa `ip addr add {addr} dev {iface}` no terminal que ve esa interface: o Terminal B para `veth0`, o Terminal A para `ceth0`.',
        },
        down: {
          pt: 'A interface `{iface}` está desligada, e uma ponta desligada corta o cabo para as duas. Rode `ip link set {iface} up` no terminal onde ela está.',
          gl: 'A interface `{iface}` está apagada, e un extremo apagado corta o cable para os dous. Executa `ip link set {iface} up` no terminal onde estea.',
        },
      },
    },
    {
      id: 'ping',
      title: { pt: 'Pacotes pelo cabo', gl: 'Paquetes polo cable' },
      commands: [
        { tab: 1, text: 'ping -c 3 10.200.0.2' },
        { tab: 0, text: 'ping -c 1 10.200.0.1' },
        { tab: 1, text: 'ip -s link show veth0' },
      ],
      check: { id: 'veth-traffic', params: { outside: 'veth0' } },
      hints: {
        'no-veth': {
          pt: 'Não há nenhuma interface `{outside}` no namespace de rede da sandbox, onde o Terminal B está. Confira com `ip -br link` no Terminal B; se ela sumiu, refaça o par com o comando do passo 1.',
          gl: 'Non hai ningunha interface `{outside}` no namespace de rede da sandbox, onde está o Terminal B. Comproba con `ip -br link` no Terminal B; se desapareceu, refai o par coa orde do paso 1.',
        },
        'no-traffic': {
          pt: '`{outside}` contou {rx} pacotes recebidos e {tx} enviados, mas nenhuma resposta de IPv4 ainda: a tabela de vizinhos (`ip neigh`) não tem ninguém nela. Pacotes sozinhos não bastam, porque uma interface ligada manda alguns de IPv6 por conta própria. Rode o `ping` do passo no Terminal B; se ele não tiver resposta, confira com `ip -br addr` nos dois terminais se as duas pontas têm endereço e estão `UP`.',
          gl: '`{outside}` contou {rx} paquetes recibidos e {tx} enviados, pero ningunha resposta de IPv4 aínda: a táboa de veciños (`ip neigh`) non ten ninguén nela. Os paquetes sos non abondan, porque unha interface acesa manda algúns de IPv6 pola súa conta. Executa o `ping` do paso no Terminal B; se non ten resposta, comproba con `ip -br addr` nos dous terminais que os dous extremos teñen enderezo e están `UP`.',
        },
      },
    },
    {
      id: 'bridge',
      title: { pt: 'Um segundo contêiner e uma bridge', gl: 'Un segundo contedor e unha bridge' },
      commands: [
        { tab: 1, text: 'unshare -n sleep infinity & echo $! > /tmp/b.pid' },
        { tab: 1, text: 'ip link add br0 type bridge && ip link set br0 up' },
        {
          tab: 1,
          text: 'ip addr del 10.200.0.1/24 dev veth0 && ip link set veth0 master br0 && ip addr add 10.200.0.1/24 dev br0',
        },
        {
          tab: 1,
          text: 'ip link add veth1 type veth peer name ceth1 && ip link set ceth1 netns $(cat /tmp/b.pid) && ip link set veth1 master br0 up',
        },
        {
          tab: 1,
          text: "nsenter -t $(cat /tmp/b.pid) -n sh -c 'ip link set lo up; ip addr add 10.200.0.3/24 dev ceth1; ip link set ceth1 up'",
        },
        { tab: 0, text: 'ping -c 1 10.200.0.3' },
        { tab: 1, text: 'bridge link' },
      ],
      check: { id: 'bridge-joined', params: { bridge: 'br0', min: 2 } },
      hints: {
        'no-bridge': {
          pt: 'A sandbox não tem nenhuma bridge `{bridge}`. No Terminal B, rode `ip link add {bridge} type bridge && ip link set {bridge} up`.',
          gl: 'A sandbox non ten ningunha bridge `{bridge}`. No Terminal B, executa `ip link add {bridge} type bridge && ip link set {bridge} up`.',
        },
        'few-ports': {
          pt: 'A bridge `{bridge}` tem {found} porta(s) ligada(s) a um contêiner, e o passo pede {min}. Cada ponta de fora entra nela com `ip link set NOME master {bridge}`; confira com `bridge link` e veja se a outra ponta foi mesmo para o namespace do contêiner.',
          gl: 'A bridge `{bridge}` ten {found} porto(s) ligado(s) a un contedor, e o paso pide {min}. Cada extremo de fóra entra nela con `ip link set NOME master {bridge}`; compróbao con `bridge link` e mira se o outro extremo foi de verdade ao espazo de nomes do contedor.',
        },
      },
    },
    {
      id: 'route',
      title: { pt: 'Uma rota padrão', gl: 'Unha ruta por defecto' },
      commands: [
        { tab: 1, text: 'nsenter -t $(cat /tmp/b.pid) -n ip route' },
        { tab: 1, text: 'nsenter -t $(cat /tmp/b.pid) -n ip route add default via 10.200.0.1' },
        { tab: 1, text: 'nsenter -t $(cat /tmp/b.pid) -n ip route' },
      ],
      check: { id: 'default-route', params: { via: '10.200.0.1' } },
      hints: {
        'other-route': {
          pt: 'Um namespace de rede seu tem a rota padrão por `{found}`, não por `{via}`. Enquanto ela estiver lá, um novo `ip route add default` responde `File exists`: apague-a e rode no Terminal B `nsenter -t $(cat /tmp/b.pid) -n ip route add default via {via}`.',
          gl: 'Un espazo de nomes de rede teu ten a ruta por defecto por `{found}`, non por `{via}`. Mentres estea alí, un novo `ip route add default` responde `File exists`: bórraa e executa no Terminal B `nsenter -t $(cat /tmp/b.pid) -n ip route add default via {via}`.',
        },
        'no-route': {
          pt: 'Nenhum dos seus namespaces de rede tem uma rota padrão por `{via}`. No Terminal B, rode `nsenter -t $(cat /tmp/b.pid) -n ip route add default via {via}` (o contêiner B precisa estar vivo: `kill -0 $(cat /tmp/b.pid)` não pode dar erro).',
          gl: 'Ningún dos teus espazos de nomes de rede ten unha ruta por defecto por `{via}`. No Terminal B, executa `nsenter -t $(cat /tmp/b.pid) -n ip route add default via {via}` (o contedor B ten que estar vivo: `kill -0 $(cat /tmp/b.pid)` non pode dar erro).',
        },
      },
    },
  ],
  quiz,
});
