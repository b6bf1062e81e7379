import { cgroupCommands } from '../cgroup-commands';
import { defineLesson } from '../types';
import quiz from './quiz';

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
        ...cgroupCommands(({ dir }) => [
          { tab: 1, text: `mkdir ${dir('memory', 'visto')} && echo $$ > ${dir('memory', 'visto')}/cgroup.procs` },
        ]),
        { tab: 1, text: 'cat /proc/self/cgroup' },
        { tab: 1, text: 'unshare -C bash' },
        { tab: 1, text: 'cat /proc/self/cgroup /proc/1/cgroup' },
        // Clean-up: later lessons read /proc/self/cgroup from tab B and expect its shell where it started
        // (v2: the sandbox's leaf `init`, since its root hands out controllers and holds no process).
        { tab: 1, text: 'exit' },
        ...cgroupCommands(({ dir, v1 }) => [
          {
            tab: 1,
            text: `echo $$ > ${dir('memory', v1 ? undefined : 'init')}/cgroup.procs && rmdir ${dir('memory', 'visto')}`,
          },
        ]),
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
  quiz,
});
