import { defineLesson } from '../types';

export default defineLesson({
  slug: '02-unshare',
  order: 2,
  title: { pt: 'Namespaces com unshare', gl: 'Espazos de nomes con unshare' },
  summary: {
    pt: 'Um contêiner feito à mão com unshare: o shell vira o PID 1, ganha um /proc e um hostname próprios, e o Terminal B entra no namespace dele com nsenter.',
    gl: 'Un contedor feito a man con unshare: a shell pasa a ser o PID 1, ten un /proc e un hostname propios, e o Terminal B entra no seu espazo de nomes con nsenter.',
  },
  steps: [
    {
      id: 'unshare',
      title: { pt: 'Crie os namespaces: o shell vira o PID 1', gl: 'Crea os espazos de nomes: a shell é o PID 1' },
      commands: [
        { tab: 0, text: 'unshare -m -i -n -p -u -f chroot rootfs /bin/sh' },
        { tab: 0, text: 'echo $$' },
      ],
      check: { id: 'pid-ns-init' },
      hints: {
        'no-new-pidns': {
          pt: 'Nenhum processo está num namespace de PID novo. No Terminal A, rode `unshare -m -i -n -p -u -f chroot rootfs /bin/sh` e deixe esse shell aberto.',
          gl: 'Ningún proceso está nun espazo de nomes de PID novo. No Terminal A, executa `unshare -m -i -n -p -u -f chroot rootfs /bin/sh` e deixa esa shell aberta.',
        },
        'not-pid1': {
          pt: 'O processo {pid} está num namespace de PID novo, mas lá dentro ele é o PID {nspid}, não o 1. Faltou o `-f`? Saia com `exit` e rode o comando do passo, com `-f`.',
          gl: 'O proceso {pid} está nun espazo de nomes de PID novo, pero dentro é o PID {nspid}, non o 1. Faltou o `-f`? Sae con `exit` e executa a orde do paso, con `-f`.',
        },
      },
    },
    {
      id: 'namespaces',
      title: {
        pt: 'Um /proc próprio e os números dos namespaces',
        gl: 'Un /proc propio e os números dos espazos de nomes',
      },
      commands: [
        { tab: 0, text: 'mount -t proc proc /proc' },
        { tab: 0, text: 'ps' },
        { tab: 0, text: 'ls -l /proc/self/ns' },
        { tab: 1, text: 'ls -l /proc/self/ns' },
      ],
      check: { id: 'new-namespaces', params: { kinds: 'mnt,ipc,net' } },
      hints: {
        'same-ns': {
          pt: 'O shell do contêiner (PID {pid}) ainda está no namespace {kind} da sandbox. Faltou alguma opção ao `unshare`? Saia com `exit` e rode o comando completo: `unshare -m -i -n -p -u -f chroot rootfs /bin/sh`.',
          gl: 'A shell do contedor (PID {pid}) aínda está no espazo de nomes {kind} da sandbox. Faltou algunha opción no `unshare`? Sae con `exit` e executa a orde completa: `unshare -m -i -n -p -u -f chroot rootfs /bin/sh`.',
        },
        'no-process': {
          pt: 'Não encontrei o shell do contêiner. Ele precisa estar aberto no Terminal A: rode `unshare -m -i -n -p -u -f chroot rootfs /bin/sh` se você já saiu dele.',
          gl: 'Non atopei a shell do contedor. Ten que estar aberta no Terminal A: executa `unshare -m -i -n -p -u -f chroot rootfs /bin/sh` se xa saíches dela.',
        },
      },
    },
    {
      id: 'hostname',
      title: { pt: 'Dê um nome ao contêiner', gl: 'Dálle un nome ao contedor' },
      commands: [
        { tab: 0, text: 'hostname contedor-a-man' },
        { tab: 0, text: 'hostname' },
        { tab: 1, text: 'hostname' },
      ],
      check: { id: 'uts-hostname', params: { hostname: 'contedor-a-man' } },
      hints: {
        'no-new-uts': {
          pt: 'Nenhum processo está num namespace UTS diferente do da sandbox. O shell do contêiner está aberto no Terminal A, e foi criado com `-u`?',
          gl: 'Ningún proceso está nun espazo de nomes UTS distinto do da sandbox. A shell do contedor está aberta no Terminal A, e creouse con `-u`?',
        },
        'wrong-name': {
          pt: 'O contêiner tem o seu próprio namespace UTS, mas lá dentro o nome é `{found}`. No Terminal A, dentro do contêiner, rode `hostname contedor-a-man`.',
          gl: 'O contedor ten o seu propio espazo de nomes UTS, pero dentro o nome é `{found}`. No Terminal A, dentro do contedor, executa `hostname contedor-a-man`.',
        },
        'sandbox-renamed': {
          pt: 'Quem se chama `{found}` agora é a própria sandbox: o `hostname` rodou fora de um namespace UTS novo (no Terminal B, ou num chroot sem `-u`), e por isso o Terminal B mostra o mesmo nome. No Terminal B, devolva à sandbox o nome original (o `gaiola-…` que o terminal mostrou ao conectar); depois troque o nome só dentro do contêiner, no shell aberto pelo `unshare`, no Terminal A.',
          gl: 'Quen se chama `{found}` agora é a propia sandbox: o `hostname` executouse fóra dun espazo de nomes UTS novo (no Terminal B, ou nun chroot sen `-u`), e por iso o Terminal B amosa o mesmo nome. No Terminal B, devólvelle á sandbox o nome orixinal (o `gaiola-…` que amosou o terminal ao conectar); despois cambia o nome só dentro do contedor, na shell que abriu o `unshare`, no Terminal A.',
        },
      },
    },
    {
      id: 'nsenter',
      title: { pt: 'Entre no namespace UTS pelo Terminal B', gl: 'Entra no espazo de nomes UTS desde o Terminal B' },
      commands: [
        { tab: 1, text: 'lsns -t uts' },
        { tab: 1, text: 'nsenter -t $(pgrep -n -x sh) -u bash' },
        { tab: 1, text: 'hostname' },
      ],
      check: { id: 'joined-uts' },
      hints: {
        'no-container': {
          pt: 'Não há contêiner onde entrar: o shell do `unshare` precisa estar aberto no Terminal A, com o seu próprio namespace UTS.',
          gl: 'Non hai contedor no que entrar: a shell do `unshare` ten que estar aberta no Terminal A, co seu propio espazo de nomes UTS.',
        },
        'not-joined': {
          pt: 'Nenhum processo de fora do contêiner entrou no namespace UTS dele ainda. No Terminal B, rode `nsenter -t $(pgrep -n -x sh) -u bash` e, nesse bash, `hostname`, antes de sair com `exit`.',
          gl: 'Aínda ningún proceso de fóra do contedor entrou no seu espazo de nomes UTS. No Terminal B, executa `nsenter -t $(pgrep -n -x sh) -u bash` e, nese bash, `hostname`, antes de saír con `exit`.',
        },
      },
    },
  ],
  quiz: [
    {
      id: 'q1',
      prompt: { pt: 'O que é um namespace?', gl: 'Que é un espazo de nomes (namespace)?' },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Uma cópia do kernel reservada para um grupo de processos.',
            gl: 'Unha copia do kernel reservada para un grupo de procesos.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um mecanismo do kernel que dá aos processos dentro dele uma instância própria de um recurso global, como a tabela de PIDs ou o hostname.',
            gl: 'Un mecanismo do kernel que lles dá aos procesos de dentro unha instancia propia dun recurso global, como a táboa de PIDs ou o hostname.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'A pasta onde ficam os arquivos do contêiner.',
            gl: 'O cartafol onde están os ficheiros do contedor.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Um limite de memória e de CPU para um grupo de processos.',
            gl: 'Un límite de memoria e de CPU para un grupo de procesos.',
          },
        },
      ],
    },
    {
      id: 'q2',
      prompt: {
        pt: 'Por que o comando do curso usa `-f` junto com `-p`?',
        gl: 'Por que a orde do curso usa `-f` xunto con `-p`?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Porque quem chama `unshare` não entra no namespace de PID novo, só os seus filhos; com `-f`, o `unshare` cria um filho, que vira o PID 1 e depois o `sh`.',
            gl: 'Porque quen chama a `unshare` non entra no espazo de nomes de PID novo, só os seus fillos; con `-f`, o `unshare` crea un fillo, que pasa a ser o PID 1 e despois o `sh`.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Para forçar a criação dos namespaces mesmo sem ser root.',
            gl: 'Para forzar a creación dos espazos de nomes aínda sen ser root.',
          },
        },
        {
          id: 'c',
          text: { pt: 'Para rodar o contêiner em segundo plano.', gl: 'Para executar o contedor en segundo plano.' },
        },
        {
          id: 'd',
          text: { pt: 'Para montar automaticamente um /proc novo.', gl: 'Para montar automaticamente un /proc novo.' },
        },
      ],
    },
    {
      id: 'q3',
      prompt: {
        pt: 'Dentro do contêiner, `echo $$` mostra 1. O que isso quer dizer?',
        gl: 'Dentro do contedor, `echo $$` amosa 1. Que quere dicir isto?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O shell tomou o lugar do init da sandbox.',
            gl: 'A shell ocupou o lugar do init da sandbox.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O shell é o PID 1 do namespace de PID novo; na sandbox, ele tem outro PID, comum.',
            gl: 'A shell é o PID 1 do espazo de nomes de PID novo; na sandbox ten outro PID, corrente.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O shell foi o primeiro processo desde o boot da máquina.',
            gl: 'A shell foi o primeiro proceso desde o arranque da máquina.',
          },
        },
        {
          id: 'd',
          text: { pt: 'No BusyBox, `$$` sempre vale 1.', gl: 'En BusyBox, `$$` sempre vale 1.' },
        },
      ],
    },
    {
      id: 'q4',
      prompt: {
        pt: 'Depois de `hostname contedor-a-man` dentro do contêiner, o `hostname` do Terminal B continua mostrando o nome da sandbox. Por quê?',
        gl: 'Despois de `hostname contedor-a-man` dentro do contedor, o `hostname` do Terminal B segue a amosar o nome da sandbox. Por que?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Com `-u`, o contêiner ganhou um namespace UTS próprio, com uma cópia do nome que ele pode trocar sem afetar ninguém.',
            gl: 'Con `-u`, o contedor recibiu un espazo de nomes UTS propio, cunha copia do nome que pode cambiar sen afectar a ninguén.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O Terminal B guarda o nome antigo em cache.',
            gl: 'O Terminal B garda o nome antigo nunha caché.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Dentro do chroot, `hostname` só altera o arquivo `/etc/hostname` do rootfs.',
            gl: 'Dentro do chroot, `hostname` só modifica o ficheiro `/etc/hostname` do rootfs.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'A troca só vale depois de reiniciar a sandbox.',
            gl: 'O cambio só vale despois de reiniciar a sandbox.',
          },
        },
      ],
    },
    {
      id: 'q5',
      prompt: {
        pt: 'No Terminal B, `nsenter -t PID -u bash` abre um bash. O que esse bash tem do contêiner?',
        gl: 'No Terminal B, `nsenter -t PID -u bash` abre un bash. Que ten ese bash do contedor?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Todos os namespaces do contêiner e a raiz do rootfs.',
            gl: 'Todos os espazos de nomes do contedor e a raíz do rootfs.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Só o namespace UTS: vê o nome `contedor-a-man`, mas os processos, os arquivos e a rede continuam os da sandbox.',
            gl: 'Só o espazo de nomes UTS: ve o nome `contedor-a-man`, pero os procesos, os ficheiros e a rede seguen a ser os da sandbox.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Nada: o `nsenter` só lê o hostname do contêiner e o mostra.',
            gl: 'Nada: `nsenter` só le o hostname do contedor e amósao.',
          },
        },
        {
          id: 'd',
          text: { pt: 'Ele vira o PID 1 do contêiner.', gl: 'Pasa a ser o PID 1 do contedor.' },
        },
      ],
    },
    {
      id: 'q6',
      prompt: {
        pt: 'Nos dois terminais, `ls -l /proc/self/ns` mostra o mesmo número em `user:[…]`, mas números diferentes em `uts:[…]`. O que isso indica?',
        gl: 'Nos dous terminais, `ls -l /proc/self/ns` amosa o mesmo número en `user:[…]`, pero números distintos en `uts:[…]`. Que indica isto?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Os dois shells estão no mesmo namespace de usuário e em namespaces UTS diferentes: número igual quer dizer namespace igual.',
            gl: 'As dúas shells están no mesmo espazo de nomes de usuario e en espazos de nomes UTS distintos: número igual quere dicir espazo de nomes igual.',
          },
        },
        {
          id: 'b',
          text: { pt: 'Os números são os PIDs dos dois shells.', gl: 'Os números son os PIDs das dúas shells.' },
        },
        {
          id: 'c',
          text: {
            pt: 'Os números mudam a cada `ls`, então não dá para comparar.',
            gl: 'Os números cambian en cada `ls`, así que non se poden comparar.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O namespace de usuário não existe neste kernel, por isso não mudou.',
            gl: 'O espazo de nomes de usuario non existe neste kernel, por iso non cambiou.',
          },
        },
      ],
    },
  ],
});
