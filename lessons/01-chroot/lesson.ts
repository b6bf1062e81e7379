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
            pt: 'Sim, todos: cada processo recebe a sua cópia de cada recurso, e isolar é a principal tarefa do kernel.',
            gl: 'Si, todos: cada proceso recibe a súa copia de cada recurso, e illar é a tarefa principal do kernel.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Não: alguns, como a tabela de PIDs, o hostname e a rede, são um só para todos.',
            gl: 'Non: algúns, como a táboa de PIDs, o hostname e a rede, son un só para todos.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Não isola nenhum: cada processo precisa se proteger sozinho, inclusive a própria memória.',
            gl: 'Non illa ningún: cada proceso ten que protexerse el só, mesmo a súa propia memoria.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Sim, desde que cada processo rode num chroot, que lhe dá uma cópia própria de cada recurso.',
            gl: 'Si, sempre que cada proceso se execute nun chroot, que lle dá unha copia propia de cada recurso.',
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
            pt: 'Cada instrução do código da VM é imitada em software, uma a uma, por isso ela é tão mais lenta.',
            gl: 'Cada instrución do código da VM é imitada por software, unha a unha, por iso é tanto máis lenta.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Não pode ser usada junto com contêineres, porque os dois disputam os mesmos recursos do kernel.',
            gl: 'Non se pode usar xunto con contedores, porque os dous disputan os mesmos recursos do kernel.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Todas as VMs de uma máquina compartilham o kernel do hospedeiro, e cada uma traz só o seu sistema.',
            gl: 'Todas as VMs dunha máquina comparten o kernel do anfitrión, e cada unha trae só o seu sistema.',
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
            pt: 'Uma VM pequena, com um kernel próprio mais leve, que o kernel da máquina carrega ao lado do seu.',
            gl: 'Unha VM pequena, cun kernel propio máis lixeiro, que o kernel da máquina carga á beira do seu.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um processo (ou grupo) a que o mesmo kernel dá uma visão privada de recursos que seriam globais.',
            gl: 'Un proceso (ou grupo) ao que o mesmo kernel lle dá unha vista privada de recursos que serían globais.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Um tipo especial de arquivo, a imagem, que o kernel sabe abrir e executar como um programa.',
            gl: 'Un tipo especial de ficheiro, a imaxe, que o kernel sabe abrir e executar coma un programa.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Algo que só funciona em máquinas físicas, porque precisa de acesso direto ao hardware, nunca dentro de uma VM.',
            gl: 'Algo que só funciona en máquinas físicas, porque precisa acceso directo ao hardware, nunca dentro dunha VM.',
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
            pt: 'Que montar o /proc quebrou o isolamento de processos que o chroot dava, e abriu caminho para o `kill`.',
            gl: 'Que montar o /proc rompeu o illamento de procesos que daba o chroot, e abriulle o camiño ao `kill`.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Que o chroot muda só a raiz: PIDs e sinais continuam globais, e um chroot não é um contêiner.',
            gl: 'Que o chroot só cambia a raíz: PIDs e sinais seguen a ser globais, e un chroot non é un contedor.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Que a `marca`, na verdade, estava dentro do rootfs, e por isso o shell do chroot podia alcançá-la.',
            gl: 'Que a `marca`, en realidade, estaba dentro do rootfs, e por iso a shell do chroot podía chegar a ela.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Que o `kill` do BusyBox ignora as regras de permissão e sinaliza qualquer PID da máquina.',
            gl: 'Que o `kill` de BusyBox ignora as regras de permisos e sinaliza calquera PID da máquina.',
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
            pt: 'O `ps` lê os processos no /proc, e no rootfs o /proc era uma pasta vazia até você montar ali o proc.',
            gl: 'O `ps` le os procesos no /proc, e no rootfs o /proc era un cartafol baleiro ata que montaches alí o proc.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O chroot esconde os processos de fora até alguém montar o /proc, que é o que libera a visão deles.',
            gl: 'O chroot agocha os procesos de fóra ata que alguén monta o /proc, que é o que os deixa ver.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Ainda não havia nenhum processo rodando dentro do chroot: o shell só entra na tabela depois do primeiro comando.',
            gl: 'Aínda non había ningún proceso en execución dentro do chroot: a shell só entra na táboa despois da primeira orde.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O `ps` do BusyBox só mostra os processos iniciados depois dele, e logo depois do chroot não havia nenhum.',
            gl: 'O `ps` de BusyBox só amosa os procesos iniciados despois del, e xusto despois do chroot non había ningún.',
          },
        },
      ],
    },
  ],
});
