import { defineLesson } from '../types';

export default defineLesson({
  slug: '03-namespaces',
  order: 3,
  title: { pt: 'Explorar e entrar em namespaces', gl: 'Explorar e entrar en espazos de nomes' },
  summary: {
    pt: 'Um namespace é um objeto do kernel com número de identidade: lsns e /proc/PID/ns mostram quem está em qual, o nsenter entra no contêiner inteiro, e os namespaces de tempo e de cgroup mudam relógios e caminhos.',
    gl: 'Un espazo de nomes é un obxecto do kernel cun número de identidade: lsns e /proc/PID/ns amosan quen está en cal, nsenter entra no contedor enteiro, e os espazos de nomes de tempo e de cgroup cambian reloxos e rutas.',
  },
  steps: [
    {
      id: 'container',
      title: { pt: 'Suba o contêiner e olhe-o de fora', gl: 'Arrinca o contedor e mírao desde fóra' },
      commands: [
        { tab: 0, text: 'unshare -m -i -n -p -u -f --mount-proc=rootfs/proc chroot rootfs /bin/sh' },
        { tab: 1, text: 'lsns' },
        { tab: 1, text: 'ls -l /proc/$(pgrep -n -x sh)/ns' },
      ],
      check: { id: 'pid-ns-init' },
      hints: {
        'no-new-pidns': {
          pt: 'Nenhum processo está num namespace de PID novo. No Terminal A, rode `unshare -m -i -n -p -u -f --mount-proc=rootfs/proc chroot rootfs /bin/sh` e deixe esse shell aberto.',
          gl: 'Ningún proceso está nun espazo de nomes de PID novo. No Terminal A, executa `unshare -m -i -n -p -u -f --mount-proc=rootfs/proc chroot rootfs /bin/sh` e deixa esa shell aberta.',
        },
        'not-pid1': {
          pt: 'O processo {pid} está num namespace de PID novo, mas lá dentro ele é o PID {nspid}, não o 1. Faltou o `-f`? Saia com `exit` e rode o comando do passo, com `-f`.',
          gl: 'O proceso {pid} está nun espazo de nomes de PID novo, pero dentro é o PID {nspid}, non o 1. Faltou o `-f`? Sae con `exit` e executa a orde do paso, con `-f`.',
        },
      },
    },
    {
      id: 'nsenter',
      title: { pt: 'Entre no contêiner inteiro com nsenter', gl: 'Entra no contedor enteiro con nsenter' },
      commands: [
        { tab: 1, text: 'nsenter -t $(pgrep -n -x sh) -m -u -i -n -p -r -w /bin/sh' },
        { tab: 1, text: 'ps' },
        { tab: 1, text: 'grep NSpid /proc/$$/status' },
      ],
      check: { id: 'joined-container' },
      hints: {
        'no-container': {
          pt: 'Não há contêiner onde entrar: o shell do `unshare` precisa estar aberto no Terminal A, como no passo anterior.',
          gl: 'Non hai contedor no que entrar: a shell do `unshare` ten que estar aberta no Terminal A, como no paso anterior.',
        },
        'not-joined': {
          pt: 'Nenhum processo de fora entrou no contêiner ainda. No Terminal B, rode `nsenter -t $(pgrep -n -x sh) -m -u -i -n -p -r -w /bin/sh` e, nesse shell, `ps`.',
          gl: 'Aínda ningún proceso de fóra entrou no contedor. No Terminal B, executa `nsenter -t $(pgrep -n -x sh) -m -u -i -n -p -r -w /bin/sh` e, nesa shell, `ps`.',
        },
        'missing-ns': {
          pt: 'O processo {pid} entrou no contêiner, mas não no namespace {kind} dele. Faltou uma opção ao `nsenter`? Saia com `exit` e rode o comando completo do passo.',
          gl: 'O proceso {pid} entrou no contedor, pero non no seu espazo de nomes {kind}. Faltou unha opción no `nsenter`? Sae con `exit` e executa a orde completa do paso.',
        },
        'wrong-root': {
          pt: 'O processo {pid} está nos namespaces do contêiner, mas a raiz dele não é o rootfs: faltou o `-r`, e o `-m` sozinho deixa você na raiz real do namespace de montagem. Saia com `exit` e rode o comando de novo, com `-r -w`.',
          gl: 'O proceso {pid} está nos espazos de nomes do contedor, pero a súa raíz non é o rootfs: faltou o `-r`, e o `-m` só deixa a raíz real do espazo de nomes de montaxe. Sae con `exit` e executa a orde de novo, con `-r -w`.',
        },
      },
    },
    {
      id: 'time',
      title: { pt: 'Adiante o relógio de boot em dez anos', gl: 'Adianta o reloxo de arranque dez anos' },
      commands: [
        { tab: 1, text: 'unshare --time --fork --boottime 315360000 bash' },
        { tab: 1, text: 'uptime -p' },
        { tab: 1, text: 'cat /proc/self/timens_offsets' },
      ],
      check: { id: 'time-offset', params: { minBoottime: 86400 } },
      hints: {
        'no-time-ns': {
          pt: 'Nenhum processo está num namespace de tempo novo. Saia do shell do `nsenter` com `exit` e, no Terminal B, rode `unshare --time --fork --boottime 315360000 bash`.',
          gl: 'Ningún proceso está nun espazo de nomes de tempo novo. Sae da shell do `nsenter` con `exit` e, no Terminal B, executa `unshare --time --fork --boottime 315360000 bash`.',
        },
        'small-offset': {
          pt: 'Há um namespace de tempo novo, mas o deslocamento do relógio de boot é de {found} segundos, pouco demais para notar. Os deslocamentos só podem ser escritos antes de o primeiro processo entrar: saia com `exit` e crie outro com `--boottime 315360000`.',
          gl: 'Hai un espazo de nomes de tempo novo, pero o desprazamento do reloxo de arranque é de {found} segundos, pouco de máis para notalo. Os desprazamentos só se poden escribir antes de que entre o primeiro proceso: sae con `exit` e crea outro con `--boottime 315360000`.',
        },
      },
    },
    {
      id: 'cgroupns',
      title: { pt: 'Um namespace de cgroup', gl: 'Un espazo de nomes de cgroup' },
      commands: [
        { tab: 1, text: 'cat /proc/self/cgroup' },
        {
          tab: 1,
          cgroup: 'v1',
          text: 'mkdir /sys/fs/cgroup/memory/visto && echo $$ > /sys/fs/cgroup/memory/visto/cgroup.procs',
        },
        { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/visto && echo $$ > /sys/fs/cgroup/visto/cgroup.procs' },
        { tab: 1, text: 'cat /proc/self/cgroup' },
        { tab: 1, text: 'unshare -C bash' },
        { tab: 1, text: 'cat /proc/self/cgroup /proc/1/cgroup' },
        // Clean-up: later lessons read /proc/self/cgroup from tab B and expect its shell where it started
        // (v2: the sandbox's leaf `init`, since its root hands out controllers and holds no process).
        { tab: 1, text: 'exit' },
        {
          tab: 1,
          cgroup: 'v1',
          text: 'echo $$ > /sys/fs/cgroup/memory/cgroup.procs && rmdir /sys/fs/cgroup/memory/visto',
        },
        { tab: 1, cgroup: 'v2', text: 'echo $$ > /sys/fs/cgroup/init/cgroup.procs && rmdir /sys/fs/cgroup/visto' },
      ],
      check: { id: 'ns-differs', params: { kind: 'cgroup' } },
      hints: {
        'same-ns': {
          pt: 'Nenhum processo está num namespace {kind} diferente do da sandbox. No Terminal B, rode `unshare -C bash` e, dentro dele, `cat /proc/self/cgroup`.',
          gl: 'Ningún proceso está nun espazo de nomes {kind} distinto do da sandbox. No Terminal B, executa `unshare -C bash` e, dentro del, `cat /proc/self/cgroup`.',
        },
      },
    },
  ],
  quiz: [
    {
      id: 'q1',
      prompt: {
        pt: 'Qual é a diferença entre `unshare` e `nsenter`?',
        gl: 'Cal é a diferenza entre `unshare` e `nsenter`?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O `unshare` cria namespaces; o `nsenter` entra (com `setns`) nos que já existem, achados em `/proc/PID/ns`.',
            gl: '`unshare` crea espazos de nomes; `nsenter` entra (con `setns`) nos que xa existen, atopados en `/proc/PID/ns`.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Nenhuma: são dois nomes para o mesmo programa do util-linux, e o `nsenter` é só um link para o `unshare`.',
            gl: 'Ningunha: son dous nomes para o mesmo programa do util-linux, e `nsenter` é só unha ligazón a `unshare`.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O `nsenter` também cria namespaces, mas só para o root; o `unshare` é a versão que um usuário comum pode rodar.',
            gl: '`nsenter` tamén crea espazos de nomes, pero só para o root; `unshare` é a versión que pode executar un usuario común.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O `unshare` só serve para o namespace de rede; o `nsenter`, para os outros tipos, como PID, UTS e montagem.',
            gl: '`unshare` só serve para o espazo de nomes de rede; `nsenter`, para os demais tipos, como PID, UTS e montaxe.',
          },
        },
      ],
    },
    {
      id: 'q2',
      prompt: {
        pt: 'Você rodou `nsenter -t PID -m -p /bin/sh` contra o contêiner, sem `-r`, e o `ls /` mostra os arquivos da sandbox. Por quê?',
        gl: 'Executaches `nsenter -t PID -m -p /bin/sh` contra o contedor, sen `-r`, e o `ls /` amosa os ficheiros da sandbox. Por que?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O rootfs do contêiner está vazio para quem entra de fora, e o `nsenter` cai então na raiz da sandbox.',
            gl: 'O rootfs do contedor está baleiro para quen entra desde fóra, e `nsenter` cae entón na raíz da sandbox.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O chroot é do processo, não do namespace de montagem: quem entra fica na raiz real dele; `-r` copia a do alvo.',
            gl: 'O chroot é do proceso, non do espazo de nomes de montaxe: quen entra queda na súa raíz real; `-r` copia a do obxectivo.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Faltou o `-u`: sem o namespace UTS, o `nsenter` não sabe qual contêiner é e fica com a raiz da sandbox.',
            gl: 'Faltou o `-u`: sen o espazo de nomes UTS, `nsenter` non sabe cal é o contedor e queda coa raíz da sandbox.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O `nsenter` ignora o `-m` quando também recebe `-p`, e o shell fica no namespace de montagem da sandbox.',
            gl: '`nsenter` ignora o `-m` cando tamén recibe `-p`, e a shell queda no espazo de nomes de montaxe da propia sandbox.',
          },
        },
      ],
    },
    {
      id: 'q3',
      prompt: {
        pt: 'No Terminal B, `grep NSpid /proc/$(pgrep -n -x sh)/status` mostra `NSpid: 23453 1`. O que são esses dois números?',
        gl: 'No Terminal B, `grep NSpid /proc/$(pgrep -n -x sh)/status` amosa `NSpid: 23453 1`. Que son eses dous números?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O PID do processo e o do seu pai, o `unshare` que o criou no namespace da sandbox.',
            gl: 'O PID do proceso e o do seu pai, o `unshare` que o creou no espazo de nomes da sandbox.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O número do namespace de PID e o PID lá dentro: 23453 identifica o namespace, e 1 é o shell.',
            gl: 'O número do espazo de nomes de PID e o PID de dentro: 23453 identifica o espazo, e 1 é a shell.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O PID do mesmo processo em cada nível: 23453 no namespace da sandbox, 1 no do contêiner.',
            gl: 'O PID do mesmo proceso en cada nivel: 23453 no espazo de nomes da sandbox, 1 no do contedor.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O número de processos do contêiner e o de threads do shell, que o kernel conta a cada `fork`.',
            gl: 'O número de procesos do contedor e o de fíos da shell, que o kernel conta en cada `fork`.',
          },
        },
      ],
    },
    {
      id: 'q4',
      prompt: {
        pt: 'O que mantém um namespace vivo quando nenhum processo está mais nele?',
        gl: 'Que mantén vivo un espazo de nomes cando xa non queda ningún proceso nel?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Nada: ele sempre morre com o último processo, e o kernel recicla o número do inode na mesma hora.',
            gl: 'Nada: sempre morre co último proceso, e o kernel recicla o número do inode no mesmo momento.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O cgroup em que o contêiner rodava, enquanto o diretório dele existir em `/sys/fs/cgroup`.',
            gl: 'O cgroup no que se executaba o contedor, mentres o seu cartafol exista en `/sys/fs/cgroup`.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O `lsns`, enquanto ele estiver listando: ler `/proc/PID/ns` segura uma referência a cada namespace até ele sair.',
            gl: '`lsns`, mentres estea a listalo: ler `/proc/PID/ns` garda unha referencia a cada espazo de nomes ata que remate.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Um descritor aberto ou uma montagem bind de `/proc/PID/ns/<tipo>`, como as do `ip netns` em `/run/netns`.',
            gl: 'Un descritor aberto ou unha montaxe bind de `/proc/PID/ns/<tipo>`, como as de `ip netns` en `/run/netns`.',
          },
        },
      ],
    },
    {
      id: 'q5',
      prompt: {
        pt: 'No namespace de tempo, `uptime -p` diz “up 1 decade”, mas `date` mostra a data certa. Por quê?',
        gl: 'No espazo de nomes de tempo, `uptime -p` di “up 1 decade”, pero `date` amosa a data correcta. Por que?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Faltou a opção `--realtime` do `unshare`, que desloca também a data junto com o uptime.',
            gl: 'Faltou a opción `--realtime` de `unshare`, que despraza tamén a data xunto co uptime.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O namespace de tempo desloca só os relógios monotônico e de boot; o relógio real, da data, é o de todos.',
            gl: 'O espazo de nomes de tempo só despraza os reloxos monotónico e de arranque; o real, o da data, é o de todos.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O `date` lê o relógio do hardware, o RTC da placa-mãe, que nenhum namespace alcança nem desloca.',
            gl: '`date` le o reloxo do hardware, o RTC da placa base, que ningún espazo de nomes alcanza nin despraza.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O deslocamento é em milissegundos, pequeno demais para mudar a data, mas o `uptime -p` arredonda para cima.',
            gl: 'O desprazamento vai en milisegundos, pequeno de máis para cambiar a data, pero `uptime -p` arredonda cara arriba.',
          },
        },
      ],
    },
    {
      id: 'q6',
      prompt: {
        pt: 'Depois de `unshare -C bash`, as linhas de `/proc/self/cgroup` terminam em `/`. O que mudou?',
        gl: 'Despois de `unshare -C bash`, as liñas de `/proc/self/cgroup` rematan en `/`. Que cambiou?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Só a visão: os caminhos agora são relativos ao cgroup em que o bash estava ao criar o namespace.',
            gl: 'Só a vista: as rutas agora son relativas ao cgroup no que estaba o bash ao crear o espazo de nomes.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O bash foi movido para o cgroup raiz da máquina, e por isso o caminho em cada linha virou só `/`.',
            gl: 'O bash moveuse ao cgroup raíz da máquina, e por iso a ruta de cada liña pasou a ser `/`.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O bash ficou livre de todos os limites de memória e CPU, como um processo no cgroup raiz.',
            gl: 'O bash quedou libre de todos os límites de memoria e CPU, coma un proceso no cgroup raíz.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O kernel trocou o cgroup v1 pelo v2 dentro do namespace, e no v2 cada linha termina em `/`.',
            gl: 'O kernel cambiou o cgroup v1 polo v2 dentro do espazo de nomes, e no v2 cada liña remata sempre en `/`.',
          },
        },
      ],
    },
  ],
});
