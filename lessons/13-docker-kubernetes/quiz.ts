import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Num pod do Kubernetes, o que os contêineres compartilham?',
      gl: 'Nun pod de Kubernetes, que comparten os contedores?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Tudo, inclusive o sistema de arquivos: um pod é um contêiner grande, com vários processos na mesma raiz e no mesmo overlay.',
          gl: 'Todo, mesmo o sistema de ficheiros: un pod é un contedor grande, con varios procesos na mesma raíz e tamén no mesmo overlay.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Os namespaces de rede, UTS e IPC, segurados pelo pause; montagem (a raiz) e, por padrão, PID são de cada contêiner.',
          gl: 'Os espazos de nomes de rede, UTS e IPC, que suxeita o pause; montaxe (a raíz) e, por defecto, PID son de cada contedor.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Nada: cada contêiner do pod roda numa máquina virtual própria, e o pod só os agenda juntos no mesmo nó.',
          gl: 'Nada: cada contedor do pod execútase nunha máquina virtual propia, e o pod só os planifica xuntos no mesmo nodo.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Só o cgroup do pod: os namespaces são sempre individuais, e os contêineres se falam pelo IP um do outro.',
          gl: 'Só o cgroup do pod: os espazos de nomes son sempre individuais, e os contedores fálanse polo IP un do outro.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'O que `docker run --memory 128m` faz no kernel?',
      gl: 'Que fai `docker run --memory 128m` no kernel?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O runtime cria um cgroup para o contêiner e põe 134217728 no `memory.max` (v1: `memory.limit_in_bytes`).',
          gl: 'O runtime crea un cgroup para o contedor e pon 134217728 no seu `memory.max` (v1: `memory.limit_in_bytes`).',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Reserva 128 MiB de RAM para o contêiner na partida, que nenhum outro processo da máquina pode usar.',
          gl: 'Reserva 128 MiB de RAM para o contedor ao arrincar, que ningún outro proceso da máquina pode usar.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Põe um `ulimit` de memória de 128 MiB no primeiro processo do contêiner, que os filhos dele herdam a cada `fork`.',
          gl: 'Pon un `ulimit` de memoria de 128 MiB no primeiro proceso do contedor, que herdan os seus fillos en cada `fork`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Cria um namespace de memória com 128 MiB, e o contêiner passa a ver só essa RAM no `/proc/meminfo`.',
          gl: 'Crea un espazo de nomes de memoria con 128 MiB, e o contedor pasa a ver só esa RAM en `/proc/meminfo`.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'Qual é a diferença entre uma imagem e um contêiner?',
      gl: 'Cal é a diferenza entre unha imaxe e un contedor?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Nenhuma: são dois nomes para a mesma coisa, e o Docker usa um ou o outro conforme o subcomando (`docker image`, `docker container`).',
          gl: 'Ningunha: son dous nomes para o mesmo, e Docker usa un ou outro segundo a orde (`docker image`, `docker container`).',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um contêiner é uma imagem comprimida, pronta para baixar; a imagem é o mesmo conteúdo já descompactado no disco.',
          gl: 'Un contedor é unha imaxe comprimida, lista para descargar; a imaxe é o mesmo contido xa descomprimido no disco.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A imagem são camadas só de leitura; o contêiner, processos com namespaces e cgroups sobre elas e um `upperdir` só dele.',
          gl: 'A imaxe son capas só de lectura; o contedor, procesos con espazos de nomes e cgroups sobre elas e un `upperdir` só seu.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'A imagem é um processo parado, congelado com os seus namespaces e cgroups; o contêiner é o mesmo processo rodando de novo.',
          gl: 'A imaxe é un proceso parado, conxelado cos seus espazos de nomes e cgroups; o contedor é o mesmo proceso executándose de novo.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'Num pod, `resources.limits.memory`, `resources.limits.cpu` e `resources.requests.cpu` viram o quê no cgroup do contêiner?',
      gl: 'Nun pod, `resources.limits.memory`, `resources.limits.cpu` e `resources.requests.cpu` convértense en que no cgroup do contedor?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Em nada: os três só servem para o escalonador escolher um nó com memória e CPU livres; o kernel nem fica sabendo deles.',
          gl: 'En nada: os tres só serven para que o planificador escolla un nodo con memoria e CPU libres; o kernel nin se entera deles.',
        },
      },
      {
        id: 'b',
        text: {
          pt: '`pids.max`, `memory.high` e `cpuset.cpus`, nessa ordem; no v1, `pids.max`, `memory.soft_limit_in_bytes` e `cpuset.cpus`.',
          gl: '`pids.max`, `memory.high` e `cpuset.cpus`, nesa orde; no v1, `pids.max`, `memory.soft_limit_in_bytes` e `cpuset.cpus`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Em três `ulimit` do processo principal do contêiner (`-v`, `-t` e `-e`), que os filhos herdam; o cgroup continua sem limite.',
          gl: 'En tres `ulimit` do proceso principal do contedor (`-v`, `-t` e `-e`), que herdan os fillos; o cgroup queda sen límite.',
        },
      },
      {
        id: 'd',
        text: {
          pt: '`memory.max`, `cpu.max` (cota) e `cpu.weight` (peso); no v1, `memory.limit_in_bytes`, `cpu.cfs_quota_us` e `cpu.shares`.',
          gl: '`memory.max`, `cpu.max` (cota) e `cpu.weight` (peso); no v1, `memory.limit_in_bytes`, `cpu.cfs_quota_us` e `cpu.shares`.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'O que `docker run --network container:web …` faz?',
      gl: 'Que fai `docker run --network container:web …`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Copia o IP do contêiner `web` para uma interface nova do contêiner novo, e os dois respondem pelo mesmo endereço.',
          gl: 'Copia o IP do contedor `web` nunha interface nova do contedor novo, e desde entón os dous responden polo mesmo enderezo.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Põe o contêiner novo no namespace de rede do `web`, o mesmo `net:[inode]`, como o `nsenter -n` deste curso.',
          gl: 'Mete o contedor novo no espazo de nomes de rede de `web`, o mesmo `net:[inode]`, coma o `nsenter -n` deste curso.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Liga os dois contêineres à mesma bridge, cada um com o seu par veth e o seu IP na mesma sub-rede.',
          gl: 'Conecta os dous contedores á mesma bridge, cada un co seu par veth e o seu IP na mesma subrede.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Cria um túnel entre os namespaces de rede dos dois contêineres, e o tráfego para o `web` passa por ele.',
          gl: 'Crea un túnel entre os espazos de nomes de rede dos dous contedores, e o tráfico cara a `web` pasa por el.',
        },
      },
    ],
  },
]);
