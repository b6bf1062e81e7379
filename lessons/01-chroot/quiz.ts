import { defineQuiz } from '../types';

export default defineQuiz([
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
]);
