import { defineLesson } from '../types';

// The capstone: the pieces of lessons 02–10 put together in the order a runtime uses them.
const MERGED = '/root/ctr/merged';
const GROUP = 'ctr';
const HOSTNAME = 'ctr';
const LIMIT_BYTES = 67108864; // 64M: 64 × 1024 × 1024, a whole number of 4096-byte pages, so it reads back unchanged

export default defineLesson({
  slug: '11-container-by-hand',
  order: 11,
  title: {
    pt: 'Um contêiner feito à mão',
    gl: 'Un contedor feito a man',
  },
  summary: {
    pt: 'Todas as peças juntas: um overlay como raiz, um cgroup com limites, os namespaces, o pivot_root, um hostname e um par veth; e a lista do que um runtime ainda acrescenta.',
    gl: 'Todas as pezas xuntas: un overlay como raíz, un cgroup con límites, os espazos de nomes, o pivot_root, un hostname e un par veth; e a lista do que un runtime aínda engade.',
  },
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
          pt: 'Não há overlay montado em `{target}`. No Terminal B, confira com `findmnt /root/ctr` que o tmpfs está lá e rode o `mount -t overlay …` do passo. Se ele disser `wrong fs type`, o upperdir ou o workdir ficou fora do tmpfs: a raiz da sandbox é um overlay e não serve de camada de escrita (lição 08).',
          gl: 'Non hai ningún overlay montado en `{target}`. No Terminal B, comproba con `findmnt /root/ctr` que o tmpfs está alí e executa o `mount -t overlay …` do paso. Se di `wrong fs type`, o upperdir ou o workdir quedou fóra do tmpfs: a raíz da sandbox é un overlay e non vale como capa de escritura (lección 08).',
        },
        'not-overlay': {
          pt: '`{target}` é um ponto de montagem, mas do tipo `{fstype}`, não `overlay`. Desmonte com `umount {target}` e rode o `mount -t overlay …` do passo.',
          gl: '`{target}` é un punto de montaxe, pero do tipo `{fstype}`, non `overlay`. Desmonta con `umount {target}` e executa o `mount -t overlay …` do paso.',
        },
        'wrong-dirs': {
          pt: 'Há um overlay em `{target}`, mas com outras camadas. Desmonte com `umount {target}` e monte de novo com os caminhos do passo: `lowerdir=/root/rootfs,upperdir=/root/ctr/upper,workdir=/root/ctr/work`.',
          gl: 'Hai un overlay en `{target}`, pero con outras capas. Desmonta con `umount {target}` e monta de novo coas rutas do paso: `lowerdir=/root/rootfs,upperdir=/root/ctr/upper,workdir=/root/ctr/work`.',
        },
      },
    },
    {
      id: 'cgroup',
      title: { pt: 'Um grupo com limites', gl: 'Un grupo con límites' },
      commands: [
        { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/memory/ctr /sys/fs/cgroup/pids/ctr' },
        {
          tab: 1,
          cgroup: 'v1',
          text: 'echo 64M > /sys/fs/cgroup/memory/ctr/memory.limit_in_bytes && echo 32 > /sys/fs/cgroup/pids/ctr/pids.max',
        },
        { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/ctr' },
        {
          tab: 1,
          cgroup: 'v2',
          text: 'echo 64M > /sys/fs/cgroup/ctr/memory.max && echo 32 > /sys/fs/cgroup/ctr/pids.max',
        },
      ],
      check: { id: 'cgroup-memory-limit', params: { group: GROUP, bytes: LIMIT_BYTES } },
      hints: {
        'no-group': {
          pt: 'Ainda não existe um grupo `{group}` na árvore de memória da sandbox. No Terminal B, crie-o com o `mkdir` do passo.',
          gl: 'Aínda non existe un grupo `{group}` na árbore de memoria da sandbox. No Terminal B, créao co `mkdir` do paso.',
        },
        'no-limit': {
          pt: 'O grupo `{group}` existe, mas o `{file}` dele ainda não tem limite. Escreva `64M` nele com o `echo` do passo.',
          gl: 'O grupo `{group}` existe, pero o seu `{file}` aínda non ten límite. Escribe `64M` nel co `echo` do paso.',
        },
        'wrong-limit': {
          pt: 'O `{file}` do grupo `{group}` vale {found} bytes, e o passo pede {want}, que são 64 MiB. Escreva `64M` de novo com o `echo` do passo: o sufixo `M` quer dizer 1024 × 1024 bytes.',
          gl: 'O `{file}` do grupo `{group}` vale {found} bytes, e o paso pide {want}, que son 64 MiB. Escribe `64M` de novo co `echo` do paso: o sufixo `M` quere dicir 1024 × 1024 bytes.',
        },
      },
    },
    {
      id: 'container',
      title: {
        pt: 'Entre no grupo e nos namespaces, e troque a raiz',
        gl: 'Entra no grupo e nos espazos de nomes, e cambia a raíz',
      },
      commands: [
        {
          tab: 0,
          cgroup: 'v1',
          text: 'echo $$ > /sys/fs/cgroup/memory/ctr/cgroup.procs && echo $$ > /sys/fs/cgroup/pids/ctr/cgroup.procs',
        },
        { tab: 0, cgroup: 'v2', text: 'echo $$ > /sys/fs/cgroup/ctr/cgroup.procs' },
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
  quiz: [
    {
      id: 'q1',
      prompt: {
        pt: 'Por que o shell do Terminal A entra no grupo `ctr` antes do `unshare`, e não depois?',
        gl: 'Por que a shell do Terminal A entra no grupo `ctr` antes do `unshare`, e non despois?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Depois do `unshare -p`, o `$$` vale 1, e o `echo $$` moveria o PID 1 da sandbox, o init dela, para o grupo `ctr`.',
            gl: 'Despois do `unshare -p`, o `$$` vale 1, e o `echo $$` movería o PID 1 da sandbox, o seu init, ao grupo `ctr`.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um processo nasce no grupo do pai: com o shell já dentro, `unshare`, bash e sh nascem limitados; depois, seria preciso mover um por um.',
            gl: 'Un proceso nace no grupo do pai: coa shell xa dentro, `unshare`, bash e sh nacen limitados; despois, habería que movelos un a un.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Um cgroup só aceita processos do namespace de PID inicial, e depois do `unshare -p` o shell já estaria em outro.',
            gl: 'Un cgroup só admite procesos do espazo de nomes de PID inicial, e despois do `unshare -p` a shell xa estaría noutro.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Os limites só valem para processos que entraram no grupo antes de criarem namespaces: quem já tem namespaces próprios escapa da contagem.',
            gl: 'Os límites só valen para procesos que entraron no grupo antes de crear espazos de nomes: quen xa ten espazos propios escapa da conta.',
          },
        },
      ],
    },
    {
      id: 'q2',
      prompt: {
        pt: 'Na lição 07, o `pivot_root` precisou de um `mount --bind /root/rootfs /root/rootfs` antes. Aqui ele aceitou o `merged` direto. Por quê?',
        gl: 'Na lección 07, o `pivot_root` precisou antes dun `mount --bind /root/rootfs /root/rootfs`. Aquí aceptou o `merged` directamente. Por que?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O `merged` já é um ponto de montagem, o do overlay, e o `pivot_root` só pede uma montagem, de qualquer tipo.',
            gl: 'O `merged` xa é un punto de montaxe, o do overlay, e o `pivot_root` só pide unha montaxe, de calquera tipo.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O `pivot_root` tem uma exceção para overlays: ele aceita um `merged` como raiz mesmo sem ser ponto de montagem.',
            gl: 'O `pivot_root` ten unha excepción para os overlays: acepta un `merged` como raíz aínda que non sexa punto de montaxe.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O `mount --make-rprivate /`, que roda antes, faz o papel do bind e deixa a pasta pronta para o `pivot_root`.',
            gl: 'O `mount --make-rprivate /`, que se executa antes, fai o papel do bind e deixa o cartafol listo para o `pivot_root`.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'A nova raiz é o tmpfs `/root/ctr`, e o `merged` é só uma pasta dentro dele.',
            gl: 'A nova raíz é o tmpfs `/root/ctr`, e o `merged` é só un cartafol dentro del.',
          },
        },
      ],
    },
    {
      id: 'q3',
      prompt: {
        pt: 'O contêiner escreveu `/tmp/nota`. O que acontece com esse arquivo no `umount /root/ctr/merged /root/ctr` da limpeza?',
        gl: 'O contedor escribiu `/tmp/nota`. Que lle pasa a ese ficheiro no `umount /root/ctr/merged /root/ctr` da limpeza?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O overlay grava as mudanças no `/root/rootfs` ao ser desmontado, e a próxima execução já encontra o arquivo lá.',
            gl: 'O overlay grava os cambios no `/root/rootfs` ao desmontalo, e a seguinte execución xa atopa o ficheiro alí.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Ele continua em `/root/ctr/upper`, no disco da sandbox, e o próximo contêiner que usar esse `upper` o verá.',
            gl: 'Segue en `/root/ctr/upper`, no disco da sandbox, e verao o seguinte contedor que use ese `upper`.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Ele estava no `upper`, dentro do tmpfs: desmontar o tmpfs o apaga, e o `/root/rootfs` fica como estava.',
            gl: 'Estaba no `upper`, dentro do tmpfs: desmontar o tmpfs bórrao, e o `/root/rootfs` queda como estaba.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Ele já tinha sumido no `exit`, quando o namespace de montagem morreu.',
            gl: 'Xa desaparecera no `exit`, cando morreu o espazo de nomes de montaxe.',
          },
        },
      ],
    },
    {
      id: 'q4',
      prompt: {
        pt: 'Comparado com um contêiner do runc ou do Docker, o que falta ao contêiner desta lição?',
        gl: 'Comparado cun contedor de runc ou de Docker, que lle falta ao contedor desta lección?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Um kernel próprio: o dele ainda é o da sandbox, e o runc daria ao contêiner um kernel separado, como uma VM leve.',
            gl: 'Un kernel propio: o seu aínda é o da sandbox, mentres que runc lle daría ao contedor un kernel separado, coma unha máquina virtual lixeira.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um limite de memória que valha: os cgroups só são aplicados pelo kernel quando um runtime como o runc os configura.',
            gl: 'Un límite de memoria que valla: o kernel só aplica os cgroups cando un runtime coma runc os configura.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Uma pilha de rede própria: o par veth só liga o contêiner à rede da sandbox, que ele continua compartilhando com os outros.',
            gl: 'Unha pila de rede propia: o par veth só conecta o contedor á rede da sandbox, que segue a compartir cos demais.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Namespace de usuário, capabilities cortadas, seccomp, `/proc` mascarado, `/dev`, um init de verdade e limpeza automática.',
            gl: 'Espazo de nomes de usuario, capabilities recortadas, seccomp, `/proc` enmascarado, un `/dev`, un init de verdade e limpeza automática.',
          },
        },
      ],
    },
    {
      id: 'q5',
      prompt: {
        pt: 'O que o `-f` faz no `unshare -m -u -i -n -p -f bash`?',
        gl: 'Que fai o `-f` no `unshare -m -u -i -n -p -f bash`?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O `unshare` cria um filho para rodar o bash: quem cria um namespace de PID não entra nele, só os filhos.',
            gl: 'O `unshare` crea un fillo para executar o bash: quen crea un espazo de nomes de PID non entra nel, só os fillos.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Roda o bash em segundo plano, para o Terminal A continuar livre enquanto o contêiner trabalha.',
            gl: 'Executa o bash en segundo plano, para que o Terminal A siga libre mentres o contedor traballa.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Força a criação dos namespaces mesmo sem permissão, como faria um `sudo`, pulando a checagem de capabilities.',
            gl: 'Forza a creación dos espazos de nomes aínda sen permiso, coma un `sudo`, saltando a comprobación de capabilities.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Deixa as montagens privadas no namespace de montagem novo, para nada vazar para a sandbox.',
            gl: 'Deixa as montaxes privadas no espazo de nomes de montaxe novo, para que nada pase á sandbox.',
          },
        },
      ],
    },
  ],
});
