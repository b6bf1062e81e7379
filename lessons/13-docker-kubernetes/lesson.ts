import { cgroupCommands } from '../cgroup-commands';
import { defineLesson } from '../types';
import quiz from './quiz';

// The pod's host name, set once in the pause's UTS namespace and seen by every container that joins it.
const POD_HOSTNAME = 'pod-manual';
// `docker run --memory 128m`: 128 × 1024 × 1024 bytes, a whole number of pages, so it reads back unchanged.
const MEMORY_BYTES = 134217728;
const PIDS_MAX = 50;
// Joins the pause's net, UTS and IPC namespaces, then makes its own mount and PID namespaces: one container
// of the pod. `--mount-proc` needs the proc directory of the container's own root.
const JOIN_POD = (root: string) =>
  `nsenter -t $(cat /tmp/pause.pid) -n -u -i unshare -m -p -f --mount-proc=${root}/proc chroot ${root} /bin/sh`;
// The container of `docker run --network none`: every namespace new, sleep as PID 1. The shell moves itself
// into the cgroup first and then execs, so that everything the container starts is born inside the limits.
const RUN = 'exec unshare -n -m -u -i -p -f --mount-proc=/root/rootfs/proc chroot /root/rootfs sleep 600';

export default defineLesson({
  slug: '13-docker-kubernetes',
  order: 14,
  title: {
    pt: 'Do contêiner feito à mão ao Docker e ao Kubernetes',
    gl: 'Do contedor feito a man a Docker e Kubernetes',
  },
  summary: {
    pt: 'Um pod do Kubernetes montado à mão, com um processo pause que segura rede, hostname e IPC para dois contêineres, e um `docker run --memory 128m --pids-limit 50 --network none` feito com cgroups e unshare; no fim, as opções do Docker e do Kubernetes lidas como estado do kernel.',
    gl: 'Un pod de Kubernetes montado a man, cun proceso pause que suxeita rede, hostname e IPC para dous contedores, e un `docker run --memory 128m --pids-limit 50 --network none` feito con cgroups e unshare; ao final, as opcións de Docker e de Kubernetes lidas como estado do kernel.',
  },
  steps: [
    {
      id: 'pause',
      title: {
        pt: 'O pause: quem segura os namespaces do pod',
        gl: 'O pause: quen suxeita os espazos de nomes do pod',
      },
      commands: [
        { tab: 1, text: 'unshare --net --uts --ipc --fork --kill-child sleep infinity &' },
        { tab: 1, text: 'pgrep -n -x sleep > /tmp/pause.pid' },
        { tab: 1, text: `nsenter -t $(cat /tmp/pause.pid) -u hostname ${POD_HOSTNAME}` },
        { tab: 1, text: 'nsenter -t $(cat /tmp/pause.pid) -n ip link set lo up' },
      ],
      check: { id: 'pod-pause', params: { hostname: POD_HOSTNAME } },
      hints: {
        'no-pause': {
          pt: 'Nenhum processo tem rede, UTS e IPC próprios com o hostname `{hostname}`. No Terminal B, rode o `unshare --net --uts --ipc --fork --kill-child sleep infinity &`, guarde o PID com o `pgrep` do passo e dê o nome com `nsenter -t $(cat /tmp/pause.pid) -u hostname {hostname}`.',
          gl: 'Ningún proceso ten rede, UTS e IPC propios co hostname `{hostname}`. No Terminal B, executa o `unshare --net --uts --ipc --fork --kill-child sleep infinity &`, garda o PID co `pgrep` do paso e pon o nome con `nsenter -t $(cat /tmp/pause.pid) -u hostname {hostname}`.',
        },
      },
    },
    {
      id: 'container-a',
      title: { pt: 'O contêiner A entra no pod', gl: 'O contedor A entra no pod' },
      commands: [
        { tab: 0, text: JOIN_POD('/root/rootfs') },
        { tab: 0, text: 'hostname; ps' },
        { tab: 0, text: 'nc -ll -p 8000 -e ps &' },
      ],
      check: { id: 'pod-members', params: { hostname: POD_HOSTNAME, count: 1 } },
      hints: {
        'no-pause': {
          pt: 'O pause não está mais lá: nenhum processo tem rede, UTS e IPC próprios com o hostname `{hostname}`. Refaça o passo 1 no Terminal B e depois entre no pod de novo.',
          gl: 'O pause xa non está: ningún proceso ten rede, UTS e IPC propios co hostname `{hostname}`. Repite o paso 1 no Terminal B e despois entra de novo no pod.',
        },
        'few-members': {
          pt: 'O pod tem {found} contêiner(es), e este passo pede {count}. No Terminal A, rode o `nsenter … unshare -m -p -f … /bin/sh` do passo e deixe esse shell aberto. Um shell que só fez `nsenter` não conta: o contêiner precisa ser o PID 1 de um namespace de PID próprio, com namespace de montagem próprio.',
          gl: 'O pod ten {found} contedor(es), e este paso pide {count}. No Terminal A, executa o `nsenter … unshare -m -p -f … /bin/sh` do paso e deixa esa shell aberta. Unha shell que só fixo `nsenter` non conta: o contedor ten que ser o PID 1 dun espazo de nomes de PID propio, cun espazo de nomes de montaxe propio.',
        },
      },
    },
    {
      id: 'container-b',
      title: { pt: 'O contêiner B, com outra raiz, fala com A', gl: 'O contedor B, con outra raíz, fala con A' },
      commands: [
        { tab: 1, text: 'mkdir -p /root/b && mount -t tmpfs b /root/b && mkdir /root/b/up /root/b/wk /root/b/m' },
        {
          tab: 1,
          text: 'mount -t overlay overlay -o lowerdir=/root/rootfs,upperdir=/root/b/up,workdir=/root/b/wk /root/b/m',
        },
        { tab: 1, text: JOIN_POD('/root/b/m') },
        { tab: 1, text: 'hostname' },
        { tab: 1, text: 'nc 127.0.0.1 8000' },
      ],
      check: { id: 'pod-members', params: { hostname: POD_HOSTNAME, count: 2 } },
      hints: {
        'no-pause': {
          pt: 'O pause não está mais lá: nenhum processo tem rede, UTS e IPC próprios com o hostname `{hostname}`. Saia dos contêineres com `exit`, refaça o passo 1 no Terminal B e entre no pod de novo com A e B.',
          gl: 'O pause xa non está: ningún proceso ten rede, UTS e IPC propios co hostname `{hostname}`. Sae dos contedores con `exit`, repite o paso 1 no Terminal B e entra de novo no pod con A e B.',
        },
        'few-members': {
          pt: 'O pod tem {found} contêiner(es), e este passo pede {count}: A no Terminal A e B no Terminal B, os dois abertos. Se o `mount` do overlay falhou, veja a mensagem; depois rode o `nsenter … chroot /root/b/m /bin/sh` do passo no Terminal B.',
          gl: 'O pod ten {found} contedor(es), e este paso pide {count}: A no Terminal A e B no Terminal B, os dous abertos. Se fallou o `mount` do overlay, mira a mensaxe; despois executa o `nsenter … chroot /root/b/m /bin/sh` do paso no Terminal B.',
        },
      },
    },
    {
      id: 'docker-run',
      title: {
        pt: 'Um docker run à mão: 128 MiB, 50 processos, sem rede',
        gl: 'Un docker run a man: 128 MiB, 50 procesos, sen rede',
      },
      commands: [
        ...cgroupCommands(({ dir, dirs, v1 }) => {
          const groups = dirs('web', 'memory', 'pids');
          const limit = v1 ? 'memory.limit_in_bytes' : 'memory.max';
          const enter = groups.map((group) => `echo $$ > ${group}/cgroup.procs`).join('; ');
          return [
            {
              tab: 1,
              text: `mkdir ${groups.join(' ')} && echo 128M > ${dir('memory', 'web')}/${limit} && echo ${PIDS_MAX} > ${dir('pids', 'web')}/pids.max`,
            },
            { tab: 1, text: `sh -c '${enter}; ${RUN}' &` },
          ];
        }),
        { tab: 1, text: 'ps -o pid,comm,cgroup' },
        { tab: 1, text: 'nsenter -t $(pgrep -n -x sleep) -n ip link' },
      ],
      check: { id: 'docker-like', params: { memoryBytes: MEMORY_BYTES, pidsMax: PIDS_MAX } },
      hints: {
        'no-container': {
          pt: 'Não achei o contêiner: nenhum processo é o PID 1 de um namespace de PID novo, num namespace de rede novo, dentro de um cgroup. Saia do contêiner B com `exit` e, no Terminal B, crie o grupo `web` e rode o `sh -c … &` do passo.',
          gl: 'Non atopei o contedor: ningún proceso é o PID 1 dun espazo de nomes de PID novo, nun espazo de nomes de rede novo, dentro dun cgroup. Sae do contedor B con `exit` e, no Terminal B, crea o grupo `web` e executa o `sh -c … &` do paso.',
        },
        'has-network': {
          pt: 'O contêiner roda, mas a rede dele não é a de um `--network none`: o namespace de rede dele tem, além do `lo`, `{found}`. Mate-o com `kill -9 $(pgrep -n -x sleep)` e rode o `sh -c … &` do passo de novo, num namespace de rede novo (o `-n` do `unshare`), sem ligar nada nele.',
          gl: 'O contedor está a executarse, pero a súa rede non é a dun `--network none`: o seu espazo de nomes de rede ten, ademais de `lo`, `{found}`. Mátao con `kill -9 $(pgrep -n -x sleep)` e executa de novo o `sh -c … &` do paso, nun espazo de nomes de rede novo (o `-n` do `unshare`), sen conectar nada nel.',
        },
        'sandbox-net': {
          pt: 'O contêiner roda, mas na rede da própria sandbox, `{found}`: faltou o `-n` do `unshare`, e um `--network none` tem um namespace de rede só dele. Mate-o com `kill -9 $(pgrep -n -x sleep)` e rode o `sh -c … &` do passo de novo, com `-n`.',
          gl: 'O contedor está a executarse, pero na rede da propia sandbox, `{found}`: faltou o `-n` do `unshare`, e un `--network none` ten un espazo de nomes de rede só seu. Mátao con `kill -9 $(pgrep -n -x sleep)` e executa de novo o `sh -c … &` do paso, con `-n`.',
        },
        'no-limits': {
          pt: 'O contêiner roda, mas falta um limite no cgroup dele: {what}. O grupo `web` precisa de `128M` de memória e de `50` no `pids.max`, e o `sh -c` tem de escrever o `$$` no `cgroup.procs` do grupo antes do `exec` (no v1, nas duas árvores, memory e pids). Mate o contêiner com `kill -9 $(pgrep -n -x sleep)`, corrija o grupo e rode o `sh -c … &` de novo.',
          gl: 'O contedor está a executarse, pero falta un límite no seu cgroup: {what}. O grupo `web` precisa `128M` de memoria e `50` no `pids.max`, e o `sh -c` ten que escribir o `$$` no `cgroup.procs` do grupo antes do `exec` (no v1, nas dúas árbores, memory e pids). Mata o contedor con `kill -9 $(pgrep -n -x sleep)`, arranxa o grupo e executa de novo o `sh -c … &`.',
        },
      },
    },
  ],
  quiz,
});
