import { cgroupCommands, NO_MEMORY_GROUP_HINT } from '../cgroup-commands';
import { defineLesson } from '../types';
import quiz from './quiz';

// The capstone: the pieces of lessons 02–10 put together in the order a runtime uses them.
const MERGED = '/root/ctr/merged';
const GROUP = 'ctr';
const HOSTNAME = 'ctr';
const LIMIT_BYTES = 67108864; // 64M: 64 × 1024 × 1024, a whole number of 4096-byte pages, so it reads back unchanged

export default defineLesson({
  slug: '11-container-by-hand',
  order: 12,
  title: {
    pt: 'Um contêiner feito à mão',
    gl: 'Un contedor feito a man',
  },
  summary: {
    pt: 'Todas as peças juntas: um overlay como raiz, um cgroup com limites, os namespaces, o pivot_root, um hostname e um par veth; e a lista do que um runtime ainda acrescenta.',
    gl: 'Todas as pezas xuntas: un overlay como raíz, un cgroup con límites, os espazos de nomes, o pivot_root, un hostname e un par veth; e a lista do que un runtime aínda engade.',
  },
  // The container's image is lesson 01's busybox rootfs, as the lower layer of step 1's overlay.
  prepare: [
    {
      id: 'rootfs',
      title: {
        pt: 'O rootfs do busybox da lição 1 em `/root/rootfs`: a imagem do contêiner, a camada de baixo do passo 1',
        gl: 'O rootfs do busybox da lección 1 en `/root/rootfs`: a imaxe do contedor, a capa de abaixo do paso 1',
      },
      commands: [{ text: 'test -x /root/rootfs/bin/busybox && test -d /root/rootfs/proc' }],
    },
  ],
  steps: [
    {
      id: 'rootfs',
      title: { pt: 'Um / feito de camadas', gl: 'Un / feito de capas' },
      commands: [
        {
          tab: 1,
          text: 'mkdir -p /root/ctr && mount -t tmpfs ctr /root/ctr && mkdir /root/ctr/upper /root/ctr/work /root/ctr/merged',
        },
        {
          tab: 1,
          text: 'mount -t overlay overlay -o lowerdir=/root/rootfs,upperdir=/root/ctr/upper,workdir=/root/ctr/work /root/ctr/merged',
        },
        { tab: 1, text: 'ls /root/ctr/merged' },
      ],
      check: { id: 'overlay-mount', params: { target: MERGED, lower: '/root/rootfs', upper: '/root/ctr/upper' } },
      hints: {
        'no-overlay': {
          pt: 'Não há overlay montado em `{target}`. No Terminal B, confira com `findmnt /root/ctr` que o tmpfs está lá e rode o `mount -t overlay …` do passo. Se ele disser `wrong fs type`, o upperdir ou o workdir ficou fora do tmpfs: a raiz da sandbox é um overlay e não serve de camada de escrita (lição 09).',
          gl: 'Non hai ningún overlay montado en `{target}`. No Terminal B, comproba con `findmnt /root/ctr` que o tmpfs está alí e executa o `mount -t overlay …` do paso. Se di `wrong fs type`, o upperdir ou o workdir quedou fóra do tmpfs: a raíz da sandbox é un overlay e non vale como capa de escritura (lección 09).',
        },
        'plain-dir': {
          pt: '`{target}` é só um diretório, dentro do sistema de arquivos `{fstype}` montado em `{under}`: nada foi montado nele ainda. No Terminal B, confira com `findmnt /root/ctr` que o tmpfs está lá e rode o `mount -t overlay …` do passo. Se ele disser `wrong fs type`, o upperdir ou o workdir ficou fora do tmpfs: a raiz da sandbox é um overlay e não serve de camada de escrita (lição 09).',
          gl: '`{target}` é só un cartafol, dentro do sistema de ficheiros `{fstype}` montado en `{under}`: aínda non se montou nada nel. No Terminal B, comproba con `findmnt /root/ctr` que o tmpfs está alí e executa o `mount -t overlay …` do paso. Se di `wrong fs type`, o upperdir ou o workdir quedou fóra do tmpfs: a raíz da sandbox é un overlay e non vale como capa de escritura (lección 09).',
        },
        'not-overlay': {
          pt: '`{target}` é um ponto de montagem, mas do tipo `{fstype}`, não `overlay`. Desmonte com `umount {target}` e rode o `mount -t overlay …` do passo.',
          gl: '`{target}` é un punto de montaxe, pero do tipo `{fstype}`, non `overlay`. Desmonta con `umount {target}` e executa o `mount -t overlay …` do paso.',
        },
        'wrong-dirs': {
          pt: 'Há um overlay em `{target}`, mas com outras camadas: `{found}`. Desmonte com `umount {target}` e monte de novo com os caminhos do passo: `lowerdir=/root/rootfs,upperdir=/root/ctr/upper,workdir=/root/ctr/work`.',
          gl: 'Hai un overlay en `{target}`, pero con outras capas: `{found}`. Desmonta con `umount {target}` e monta de novo coas rutas do paso: `lowerdir=/root/rootfs,upperdir=/root/ctr/upper,workdir=/root/ctr/work`.',
        },
      },
      replay: {},
    },
    {
      id: 'cgroup',
      title: { pt: 'Um grupo com limites', gl: 'Un grupo con límites' },
      commands: [
        ...cgroupCommands(({ dir, dirs, v1 }) => {
          const limit = v1 ? 'memory.limit_in_bytes' : 'memory.max';
          return [
            { tab: 1, text: `mkdir ${dirs(GROUP, 'memory', 'pids').join(' ')}` },
            { tab: 1, text: `echo 64M > ${dir('memory', GROUP)}/${limit} && echo 32 > ${dir('pids', GROUP)}/pids.max` },
          ];
        }),
      ],
      check: { id: 'cgroup-memory-limit', params: { group: GROUP, bytes: LIMIT_BYTES } },
      hints: {
        'no-group': NO_MEMORY_GROUP_HINT,
        'no-limit': {
          pt: 'O grupo `{group}` existe, mas o `{file}` dele vale `{found}`: ainda sem limite. Escreva `64M` nele com o `echo` do passo.',
          gl: 'O grupo `{group}` existe, pero o seu `{file}` vale `{found}`: aínda sen límite. Escribe `64M` nel co `echo` do paso.',
        },
        'wrong-limit': {
          pt: 'O `{file}` do grupo `{group}` vale {found} bytes, e o passo pede {want}, que são 64 MiB. Escreva `64M` de novo com o `echo` do passo: o sufixo `M` quer dizer 1024 × 1024 bytes.',
          gl: 'O `{file}` do grupo `{group}` vale {found} bytes, e o paso pide {want}, que son 64 MiB. Escribe `64M` de novo co `echo` do paso: o sufixo `M` quere dicir 1024 × 1024 bytes.',
        },
      },
      replay: {},
    },
    {
      id: 'container',
      title: {
        pt: 'Entre no grupo e nos namespaces, e troque a raiz',
        gl: 'Entra no grupo e nos espazos de nomes, e cambia a raíz',
      },
      commands: [
        ...cgroupCommands(({ dirs }) => [
          {
            tab: 0,
            text: dirs(GROUP, 'memory', 'pids')
              .map((d) => `echo $$ > ${d}/cgroup.procs`)
              .join(' && '),
          },
        ]),
        { tab: 0, text: 'unshare -m -u -i -n -p -f bash' },
        { tab: 0, text: 'hostname ctr' },
        { tab: 0, text: 'mount --make-rprivate /' },
        { tab: 0, text: 'mount -t proc proc /root/ctr/merged/proc' },
        { tab: 0, text: 'cd /root/ctr/merged && mkdir -p .antiga && pivot_root . .antiga' },
        { tab: 0, text: 'cd / && umount -l /.antiga && rmdir /.antiga' },
        { tab: 0, text: 'exec /bin/sh' },
        { tab: 0, text: 'hostname; ps; cat /proc/self/cgroup' },
      ],
      check: { id: 'container-complete', params: { path: MERGED, hostname: HOSTNAME, group: GROUP } },
      hints: {
        'no-container': {
          pt: 'Nenhum processo é ainda o PID 1 de um namespace de PID novo. No Terminal A, ponha o shell no grupo com o primeiro comando do passo, rode `unshare -m -u -i -n -p -f bash` e siga os comandos até o `exec /bin/sh`. Deixe esse shell aberto.',
          gl: 'Aínda ningún proceso é o PID 1 dun espazo de nomes de PID novo. No Terminal A, mete a shell no grupo coa primeira orde do paso, executa `unshare -m -u -i -n -p -f bash` e segue as ordes ata o `exec /bin/sh`. Deixa esa shell aberta.',
        },
        missing: {
          pt: 'O contêiner existe, mas ainda falta: {what}. `mnt`, `uts`, `ipc` ou `net`: faltou uma opção ao `unshare`; saia com `exit` e recomece o passo. `overlay` ou `pivot_root`: a raiz do init não é o overlay de `/root/ctr/merged`, ou a raiz antiga continua em `/.antiga`. `hostname`: rode `hostname ctr` no Terminal A. `cgroup`: o init não está no grupo `ctr`; no Terminal B, escreva o PID dele (`pgrep -n -x sh`) no `cgroup.procs` do grupo, e da próxima vez entre no grupo antes do `unshare`.',
          gl: 'O contedor existe, pero aínda falta: {what}. `mnt`, `uts`, `ipc` ou `net`: faltou unha opción no `unshare`; sae con `exit` e comeza de novo o paso. `overlay` ou `pivot_root`: a raíz do init non é o overlay de `/root/ctr/merged`, ou a raíz antiga segue en `/.antiga`. `hostname`: executa `hostname ctr` no Terminal A. `cgroup`: o init non está no grupo `ctr`; no Terminal B, escribe o seu PID (`pgrep -n -x sh`) no `cgroup.procs` do grupo, e a próxima vez entra no grupo antes do `unshare`.',
        },
      },
    },
    {
      id: 'network',
      title: { pt: 'Um cabo para fora: o par veth', gl: 'Un cable cara a fóra: o par veth' },
      commands: [
        { tab: 1, text: 'ip link add veth-ctr type veth peer name eth0' },
        { tab: 1, text: 'ip link set eth0 netns $(pgrep -n -x sh)' },
        { tab: 1, text: 'ip addr add 10.201.0.1/24 dev veth-ctr && ip link set veth-ctr up' },
        {
          tab: 1,
          text: `nsenter -t $(pgrep -n -x sh) -n sh -c 'ip link set lo up; ip addr add 10.201.0.2/24 dev eth0; ip link set eth0 up'`,
        },
        { tab: 1, text: 'ping -c 2 10.201.0.2' },
        { tab: 0, text: 'ip addr' },
      ],
      check: {
        id: 'container-complete',
        params: { path: MERGED, hostname: HOSTNAME, group: GROUP, network: true },
      },
      hints: {
        'no-container': {
          pt: 'O contêiner do passo anterior não está mais de pé: nenhum processo é o PID 1 de um namespace de PID novo. Refaça o passo 3 no Terminal A e depois os comandos deste passo no Terminal B.',
          gl: 'O contedor do paso anterior xa non está en pé: ningún proceso é o PID 1 dun espazo de nomes de PID novo. Repite o paso 3 no Terminal A e despois as ordes deste paso no Terminal B.',
        },
        missing: {
          pt: 'O contêiner existe, mas ainda falta: {what}. `veth`: no namespace de rede dele ainda não há uma interface além do `lo`, ligada e com endereço IPv4. No Terminal B, confira com `nsenter -t $(pgrep -n -x sh) -n ip addr` e rode o que faltou dos comandos do passo. Se o `eth0` ficou na sandbox, foi porque o `pgrep` achou outro processo: só o contêiner deve estar rodando `sh`. Qualquer outra palavra da lista vem do passo 3: refaça-o.',
          gl: 'O contedor existe, pero aínda falta: {what}. `veth`: no seu espazo de nomes de rede aínda non hai unha interface ademais do `lo`, activa e cun enderezo IPv4. No Terminal B, compróbao con `nsenter -t $(pgrep -n -x sh) -n ip addr` e executa o que faltou das ordes do paso. Se o `eth0` quedou na sandbox, foi porque o `pgrep` atopou outro proceso: só o contedor debe estar a executar `sh`. Calquera outra palabra da lista vén do paso 3: repíteo.',
        },
      },
    },
  ],
  quiz,
});
