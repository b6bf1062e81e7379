import { defineLesson } from '../types';
import quiz from './quiz';

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
  quiz,
});
