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
      check: { id: 'container-proc', params: { kinds: 'mnt,ipc,net' } },
      hints: {
        'no-proc': {
          pt: 'O contêiner (PID {pid}) ainda não tem um /proc próprio. Dentro dele, no Terminal A, rode `mount -t proc proc /proc`.',
          gl: 'O contedor (PID {pid}) aínda non ten un /proc propio. Dentro del, no Terminal A, executa `mount -t proc proc /proc`.',
        },
        'sandbox-proc': {
          pt: 'O /proc que o contêiner (PID {pid}) enxerga é o da sandbox, montado em rootfs/proc antes do `unshare` (na lição 01, por exemplo), e mostra os processos dela. Dentro do contêiner, rode `umount /proc` e depois `mount -t proc proc /proc`: o proc montado lá dentro é o do namespace de PID novo.',
          gl: 'O /proc que ve o contedor (PID {pid}) é o da sandbox, montado en rootfs/proc antes do `unshare` (na lección 01, por exemplo), e amosa os procesos dela. Dentro do contedor, executa `umount /proc` e despois `mount -t proc proc /proc`: o proc montado alí dentro é o do novo espazo de nomes de PID.',
        },
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
      check: { id: 'uts-hostname', params: { hostname: 'contedor-a-man', container: true } },
      hints: {
        'not-container': {
          pt: 'O nome `{name}` está num namespace UTS novo, mas não no do contêiner: nenhum processo do namespace de PID novo está nele (foi um `unshare -u` à parte?). No Terminal A, dentro do contêiner aberto pelo `unshare -m -i -n -p -u -f`, rode `hostname {name}`.',
          gl: 'O nome `{name}` está nun espazo de nomes UTS novo, pero non no do contedor: ningún proceso do novo espazo de nomes de PID está nel (foi un `unshare -u` á parte?). No Terminal A, dentro do contedor que abriu o `unshare -m -i -n -p -u -f`, executa `hostname {name}`.',
        },
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
            pt: 'Uma cópia do kernel que roda à parte para um grupo de processos, cada uma com a sua tabela de PIDs e o seu hostname.',
            gl: 'Unha copia do kernel que se executa á parte para un grupo de procesos, cada unha coa súa táboa de PIDs e o seu hostname.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um mecanismo do kernel que dá aos processos de dentro uma instância própria de um recurso global, como o hostname.',
            gl: 'Un mecanismo do kernel que lles dá aos procesos de dentro unha instancia propia dun recurso global, como o hostname.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'A pasta que o kernel mostra como `/` a um grupo de processos, com os arquivos do contêiner, como o rootfs do chroot.',
            gl: 'O cartafol que o kernel lle amosa como `/` a un grupo de procesos, cos ficheiros do contedor, como o rootfs do chroot.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Um limite, aplicado pelo kernel, de quanta memória e CPU um grupo de processos pode usar, contado à parte do resto.',
            gl: 'Un límite, aplicado polo kernel, de canta memoria e CPU pode usar un grupo de procesos, contado á parte do resto.',
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
            pt: 'Porque quem chama `unshare` não entra no namespace de PID novo, só os filhos: com `-f`, um filho vira o PID 1 e executa o `sh`.',
            gl: 'Porque quen chama a `unshare` non entra no espazo de nomes de PID novo, só os fillos: con `-f`, un fillo pasa a ser o PID 1 e executa o `sh`.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Para forçar a criação dos namespaces mesmo sem ser root da máquina: `-f` é *force*, e sem ele o `unshare` pararia em `Operation not permitted`.',
            gl: 'Para forzar a creación dos espazos de nomes aínda sen ser root da máquina: `-f` é *force*, e sen el `unshare` pararía en `Operation not permitted`.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Para rodar o contêiner em segundo plano, liberando o Terminal A, como o `-d` do `docker run` faz.',
            gl: 'Para executar o contedor en segundo plano e deixar libre o Terminal A, como fai o `-d` de `docker run`.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Para montar um /proc novo automaticamente, que mostre só os processos do namespace de PID recém-criado.',
            gl: 'Para montar automaticamente un /proc novo, que amose só os procesos do espazo de nomes de PID recén creado.',
          },
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
            pt: 'O shell tomou o lugar do init da sandbox: agora é o PID 1 para todos os processos dela.',
            gl: 'A shell ocupou o lugar do init da sandbox: agora é o PID 1 para todos os procesos dela.',
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
            pt: 'O shell foi o primeiro processo criado desde o boot da máquina, por isso recebeu o número 1.',
            gl: 'A shell foi o primeiro proceso creado desde o arranque da máquina, por iso recibiu o número 1.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'No BusyBox, `$$` sempre vale 1: é um número que o shell guarda para si, não o PID do kernel.',
            gl: 'En BusyBox, `$$` sempre vale 1: é un número que a shell garda para si, non o PID do kernel.',
          },
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
            pt: 'Com `-u`, o contêiner tem um namespace UTS próprio: a troca do nome vale só lá dentro.',
            gl: 'Con `-u`, o contedor ten un espazo de nomes UTS propio: o cambio de nome só vale alí dentro.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O Terminal B guarda o nome antigo em cache e só o relê quando você abre um shell novo.',
            gl: 'O Terminal B garda o nome antigo nunha caché e só o le de novo cando abres unha shell nova.',
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
            pt: 'A troca só vale para os outros depois de reiniciar a sandbox, quando o kernel lê o nome de novo.',
            gl: 'O cambio só vale para os demais despois de reiniciar a sandbox, cando o kernel le o nome de novo.',
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
            pt: 'Todos os namespaces do contêiner e a raiz do rootfs: é como se tivesse sido aberto lá dentro.',
            gl: 'Todos os espazos de nomes do contedor e tamén a raíz do rootfs: é coma se se abrise alí dentro.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Só o namespace UTS: vê `contedor-a-man`, mas processos, arquivos e rede são os da sandbox.',
            gl: 'Só o espazo de nomes UTS: ve `contedor-a-man`, pero procesos, ficheiros e rede son os da sandbox.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Nada: o `nsenter` só lê o hostname do contêiner e o mostra, sem entrar em namespace nenhum.',
            gl: 'Nada: `nsenter` só le o hostname do contedor e amósao, sen entrar en ningún dos seus espazos de nomes.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Ele vira o PID 1 do contêiner, no lugar do `sh`, que passa a ser filho dele.',
            gl: 'Pasa a ser o PID 1 do contedor, no lugar do `sh`, que pasa a ser fillo seu.',
          },
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
            pt: 'Mesmo namespace de usuário e namespaces UTS diferentes: número igual, namespace igual.',
            gl: 'Mesmo espazo de nomes de usuario e espazos UTS distintos: número igual, espazo de nomes igual.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Os números são os PIDs dos dois shells: o de `user` coincide porque os dois foram abertos pelo mesmo usuário.',
            gl: 'Os números son os PIDs das dúas shells: o de `user` coincide porque as dúas foron abertas polo mesmo usuario.',
          },
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
            pt: 'O namespace de usuário não existe neste kernel, por isso o número de `user` não mudou entre os terminais.',
            gl: 'O espazo de nomes de usuario non existe neste kernel, por iso o número de `user` non cambiou entre os terminais.',
          },
        },
      ],
    },
  ],
});
