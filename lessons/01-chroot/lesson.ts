import { defineLesson } from '../types';

// The course rootfs (busybox) lives in the sandbox's home directory, prepared in the base image.
const ROOTFS = '/root/rootfs';

export default defineLesson({
  slug: '01-chroot',
  order: 1,
  title: { pt: 'Recursos globais e chroot', gl: 'Recursos globais e chroot' },
  summary: {
    pt: 'O que o kernel compartilha entre todos os processos, por que uma VM custa caro e por que o chroot, que troca só a raiz, ainda não é um contêiner.',
    gl: 'O que o kernel comparte entre todos os procesos, por que unha VM sae cara e por que o chroot, que só cambia a raíz, aínda non é un contedor.',
  },
  steps: [
    {
      id: 'chroot',
      title: { pt: 'Entre no rootfs com chroot', gl: 'Entra no rootfs con chroot' },
      commands: [
        { tab: 0, text: 'ls rootfs' },
        { tab: 0, text: 'chroot rootfs /bin/sh' },
      ],
      check: { id: 'root-is-path', params: { path: ROOTFS } },
      hints: {
        'no-process': {
          pt: 'Nenhum processo tem {path} como raiz ainda. No Terminal A, na pasta pessoal, rode `chroot rootfs /bin/sh` e deixe esse shell aberto.',
          gl: 'Aínda ningún proceso ten {path} como raíz. No Terminal A, no cartafol persoal, executa `chroot rootfs /bin/sh` e deixa esa shell aberta.',
        },
      },
    },
    {
      id: 'proc',
      title: { pt: 'Monte o /proc e olhe os processos', gl: 'Monta o /proc e mira os procesos' },
      commands: [
        { tab: 0, text: 'mount -t proc proc /proc' },
        { tab: 0, text: 'ps' },
      ],
      check: { id: 'proc-mounted-in-root', params: { path: ROOTFS } },
      hints: {
        'not-chrooted': {
          pt: 'Não há nenhum shell com a raiz em {path}, e este passo olha o /proc que um shell assim enxerga. Entre de novo com `chroot rootfs /bin/sh` no Terminal A.',
          gl: 'Non hai ningunha shell coa raíz en {path}, e este paso mira o /proc que ve unha shell así. Entra de novo con `chroot rootfs /bin/sh` no Terminal A.',
        },
        'no-proc': {
          pt: 'O shell do chroot está lá, mas ainda não há um proc montado em {path}/proc. Dentro do chroot, rode `mount -t proc proc /proc`.',
          gl: 'A shell do chroot está aí, pero aínda non hai un proc montado en {path}/proc. Dentro do chroot, executa `mount -t proc proc /proc`.',
        },
      },
    },
    {
      id: 'kill-outside',
      title: { pt: 'Mate de dentro um processo de fora', gl: 'Mata desde dentro un proceso de fóra' },
      commands: [
        { tab: 0, text: 'ps | grep marca' },
        { tab: 0, text: 'kill $(pidof marca)' },
      ],
      check: { id: 'fixture-killed-from-root', params: { fixture: 'marca', path: ROOTFS } },
      hints: {
        alive: {
          pt: 'A marca continua viva, com o PID {pid}. De dentro do chroot, com o /proc montado, confira com `ps | grep marca` e mande `kill {pid}`.',
          gl: 'A marca segue viva, co PID {pid}. Desde dentro do chroot, co /proc montado, compróbao con `ps | grep marca` e manda `kill {pid}`.',
        },
        starting: {
          pt: 'A marca está sendo iniciada. De dentro do chroot, com o /proc montado, encontre-a com `ps | grep marca` e mande um `kill` para ela.',
          gl: 'A marca está a iniciarse. Desde dentro do chroot, co /proc montado, atópaa con `ps | grep marca` e mándalle un `kill`.',
        },
        'killed-from-outside': {
          pt: 'A marca morreu, mas não pelas mãos de quem está no chroot: o sinal veio do PID {pid}, cuja raiz não é o rootfs (o Terminal B, por exemplo). Já há uma marca nova: mate-a com um `kill` simples, de dentro do chroot, no Terminal A.',
          gl: 'A marca morreu, pero non a mans de quen está no chroot: o sinal veu do PID {pid}, cuxa raíz non é o rootfs (o Terminal B, por exemplo). Xa hai unha marca nova: mátaa cun `kill` simple, desde dentro do chroot, no Terminal A.',
        },
        'killed-untraceable': {
          pt: 'A marca morreu com um sinal que ela não consegue interceptar (um `kill -9`), então não deu para ela anotar quem o mandou. Já há uma marca nova: mate-a com um `kill` simples, sem `-9`, de dentro do chroot, no Terminal A.',
          gl: 'A marca morreu cun sinal que non pode interceptar (un `kill -9`), así que non puido apuntar quen llo mandou. Xa hai unha marca nova: mátaa cun `kill` simple, sen `-9`, desde dentro do chroot, no Terminal A.',
        },
      },
    },
  ],
  quiz: [
    {
      id: 'q1',
      prompt: {
        pt: 'O kernel isola todos os recursos que oferece aos processos?',
        gl: 'O kernel illa todos os recursos que lles ofrece aos procesos?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Sim, todos: isolar é a sua principal tarefa.',
            gl: 'Si, todos: illar é a súa tarefa principal.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Não: alguns, como PIDs, pontos de montagem, hostname, rede, IPC e usuários, continuam globais.',
            gl: 'Non: algúns, como os PIDs, os puntos de montaxe, o hostname, a rede, o IPC e os usuarios, seguen a ser globais.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Não isola nenhum: cada processo precisa se proteger sozinho.',
            gl: 'Non illa ningún: cada proceso ten que protexerse el só.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Sim, desde que cada processo rode num chroot.',
            gl: 'Si, sempre que cada proceso se execute nun chroot.',
          },
        },
      ],
    },
    {
      id: 'q2',
      prompt: {
        pt: 'Sem namespaces, qual destes itens é um só para todos os processos da máquina?',
        gl: 'Sen espazos de nomes, cal destes elementos é un só para todos os procesos da máquina?',
      },
      options: [
        { id: 'a', text: { pt: 'O espaço de memória.', gl: 'O espazo de memoria.' } },
        { id: 'b', text: { pt: 'A tabela de PIDs e o hostname.', gl: 'A táboa de PIDs e o hostname.' } },
        {
          id: 'c',
          text: {
            pt: 'O diretório atual (o que o `pwd` mostra).',
            gl: 'O cartafol actual (o que amosa `pwd`).',
          },
        },
        { id: 'd', text: { pt: 'A lista de arquivos abertos.', gl: 'A lista de ficheiros abertos.' } },
      ],
    },
    {
      id: 'q3',
      prompt: {
        pt: 'O que caracteriza a virtualização de plataforma, a das máquinas virtuais?',
        gl: 'Que caracteriza a virtualización de plataforma, a das máquinas virtuais?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Cada VM roda o seu próprio kernel e sistema operacional, sobre um computador virtual.',
            gl: 'Cada VM executa o seu propio kernel e sistema operativo, sobre un ordenador virtual.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Cada instrução do código da VM é imitada em software, uma a uma.',
            gl: 'Cada instrución do código da VM é imitada por software, unha a unha.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Não pode ser usada junto com contêineres.',
            gl: 'Non se pode usar xunto con contedores.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Todas as VMs de uma máquina compartilham o kernel do hospedeiro.',
            gl: 'Todas as VMs dunha máquina comparten o kernel do anfitrión.',
          },
        },
      ],
    },
    {
      id: 'q4',
      prompt: {
        pt: 'Do ponto de vista do kernel, o que é um contêiner?',
        gl: 'Desde o punto de vista do kernel, que é un contedor?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Uma VM pequena, com um kernel próprio mais leve.',
            gl: 'Unha VM pequena, cun kernel propio máis lixeiro.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um processo (ou grupo de processos) que recebe do mesmo kernel uma visão privada de recursos que seriam globais.',
            gl: 'Un proceso (ou grupo de procesos) que recibe do mesmo kernel unha vista privada de recursos que serían globais.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Um tipo especial de arquivo que o kernel sabe executar.',
            gl: 'Un tipo especial de ficheiro que o kernel sabe executar.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Algo que só funciona em máquinas físicas, nunca dentro de uma VM.',
            gl: 'Algo que só funciona en máquinas físicas, nunca dentro dunha VM.',
          },
        },
      ],
    },
    {
      id: 'q5',
      prompt: {
        pt: 'De dentro do chroot, você matou o processo `marca`, que rodava fora dele. O que isso mostra?',
        gl: 'Desde dentro do chroot, mataches o proceso `marca`, que se executaba fóra del. Que amosa isto?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Que montar o /proc quebrou o isolamento que o chroot dava.',
            gl: 'Que montar o /proc rompeu o illamento que daba o chroot.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Que o chroot muda só o diretório raiz: PIDs e sinais continuam globais, e um chroot não é um contêiner.',
            gl: 'Que o chroot só cambia o cartafol raíz: os PIDs e os sinais seguen a ser globais, e un chroot non é un contedor.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Que a `marca`, na verdade, estava dentro do rootfs.',
            gl: 'Que a `marca`, en realidade, estaba dentro do rootfs.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Que o `kill` do BusyBox ignora as regras de permissão.',
            gl: 'Que o `kill` de BusyBox ignora as regras de permisos.',
          },
        },
      ],
    },
    {
      id: 'q6',
      prompt: {
        pt: 'Antes de `mount -t proc proc /proc`, o `ps` dentro do chroot não listava nenhum processo. Por quê?',
        gl: 'Antes de `mount -t proc proc /proc`, o `ps` dentro do chroot non listaba ningún proceso. Por que?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O `ps` lê a lista de processos no /proc, e no rootfs o /proc era uma pasta vazia até você montar ali o sistema de arquivos proc.',
            gl: 'O `ps` le a lista de procesos no /proc, e no rootfs o /proc era un cartafol baleiro ata que montaches alí o sistema de ficheiros proc.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O chroot esconde os outros processos até alguém montar o /proc.',
            gl: 'O chroot agocha os outros procesos ata que alguén monta o /proc.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Ainda não havia nenhum processo rodando dentro do chroot.',
            gl: 'Aínda non había ningún proceso en execución dentro do chroot.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O `ps` do BusyBox só mostra os processos iniciados depois dele.',
            gl: 'O `ps` de BusyBox só amosa os procesos iniciados despois del.',
          },
        },
      ],
    },
  ],
});
