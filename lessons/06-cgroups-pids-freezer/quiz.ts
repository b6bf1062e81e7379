import { defineQuiz } from '../types';

// Questions q3-q5 came from lesson 06 with their ids (issue 23's split).
export default defineQuiz([
  {
    id: 'q3',
    prompt: {
      pt: 'Num host v2, `echo +memory > /sys/fs/cgroup/app/cgroup.subtree_control` responde `Device or resource busy`. Por quê?',
      gl: 'Nun host v2, `echo +memory > /sys/fs/cgroup/app/cgroup.subtree_control` responde `Device or resource busy`. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O controlador memory não está em `app/cgroup.controllers`: o grupo pai ainda não o liberou para `app`.',
          gl: 'O controlador memory non está en `app/cgroup.controllers`: o grupo pai aínda non llo liberou a `app`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O grupo `app` já tem grupos filhos, e um controlador só pode ser ligado antes de o primeiro filho nascer.',
          gl: 'O grupo `app` xa ten grupos fillos, e un controlador só se pode activar antes de que naza o primeiro fillo.',
        },
      },
      {
        id: 'c',
        text: {
          pt: '`app` tem processos: fora da raiz, um grupo com processos não pode repartir controladores entre filhos.',
          gl: '`app` ten procesos: fóra da raíz, un grupo con procesos non pode repartir controladores entre fillos.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Alguém está lendo o arquivo naquele momento, e o kernel trava a escrita até a leitura acabar.',
          gl: 'Alguén está a ler o ficheiro nese momento, e o kernel bloquea a escritura ata que remate a lectura.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'O que o `pids.max` faz contra uma fork bomb dentro do grupo?',
      gl: 'Que fai o `pids.max` contra unha fork bomb dentro do grupo?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Mata o processo que começou a bomba assim que ele passa do limite, e deixa os outros processos do grupo vivos.',
          gl: 'Mata o proceso que comezou a bomba en canto pasa do límite, e deixa vivos os demais procesos do grupo.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Deixa cada `fork` do grupo mais lento, para a bomba crescer devagar e dar tempo de reagir.',
          gl: 'Fai máis lento cada `fork` do grupo, para que a bomba medre amodo e dea tempo a reaccionar.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Mata o grupo inteiro quando a contagem chega ao limite, e `pids.events` registra a morte.',
          gl: 'Mata o grupo enteiro cando a conta chega ao límite, e `pids.events` rexistra a morte.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Limita quantos processos e threads o grupo tem: o `fork` além do limite falha com EAGAIN.',
          gl: 'Limita cantos procesos e fíos ten o grupo: o `fork` alén do límite falla con EAGAIN.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Qual a diferença entre escrever 1 em `cgroup.kill` e rodar `kill -9 $(cat cgroup.procs)`?',
      gl: 'Cal é a diferenza entre escribir 1 en `cgroup.kill` e executar `kill -9 $(cat cgroup.procs)`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Nenhuma: o `cgroup.kill` é só um atalho que lê o `cgroup.procs` e manda SIGKILL a cada PID da lista, como você faria.',
          gl: 'Ningunha: `cgroup.kill` é só un atallo que le `cgroup.procs` e manda SIGKILL a cada PID da lista, coma ti farías.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O kernel mata o grupo e os descendentes, até quem nasce durante a matança; com a lista, um `fork` de última hora escapa.',
          gl: 'O kernel mata o grupo e os descendentes, mesmo o que nace durante a matanza; coa lista, un `fork` de última hora escapa.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `cgroup.kill` manda SIGTERM a cada processo do grupo, para eles poderem se despedir; já o `kill -9` não lhes dá essa chance.',
          gl: '`cgroup.kill` manda SIGTERM a cada proceso do grupo, para que se poidan despedir; en cambio, `kill -9` non lles dá esa oportunidade.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O `cgroup.kill` mata os processos e ainda apaga o diretório do grupo, o que dispensa o `rmdir` depois.',
          gl: '`cgroup.kill` mata os procesos e aínda borra o cartafol do grupo, o que aforra o `rmdir` despois.',
        },
      },
    ],
  },
  {
    id: 'q6',
    prompt: {
      pt: 'Você congela um grupo pelo freezer e depois manda `kill -CONT` a um processo dele. O que acontece com esse processo?',
      gl: 'Conxelas un grupo co freezer e despois mandas `kill -CONT` a un proceso del. Que lle pasa a ese proceso?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Volta a rodar: o SIGCONT solta qualquer processo parado, por SIGSTOP ou pelo freezer.',
          gl: 'Volve executarse: o SIGCONT solta calquera proceso parado, por SIGSTOP ou polo freezer.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Continua parado: o freezer não usa sinais, e só a escrita no arquivo do grupo o solta.',
          gl: 'Segue parado: o freezer non usa sinais, e só a escritura no ficheiro do grupo o solta.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `kill` falha com `Operation not permitted`: um processo congelado não pode receber sinais.',
          gl: 'O `kill` falla con `Operation not permitted`: un proceso conxelado non pode recibir sinais.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Ele roda só até o fim do período atual do escalonador e então congela de novo sozinho.',
          gl: 'Execútase só ata o final do período actual do planificador e entón conxélase de novo el só.',
        },
      },
    ],
  },
  {
    id: 'q7',
    prompt: {
      pt: 'Dentro da sandbox você é root, mas `echo max > pids.max` no grupo da própria sandbox responde `Permission denied`, e num grupo que você criou funciona. Por quê?',
      gl: 'Dentro da sandbox es root, pero `echo max > pids.max` no grupo da propia sandbox responde `Permission denied`, e nun grupo que creaches funciona. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O `pids.max` da sandbox é do root do host: quem delegou a subárvore entregou os grupos de baixo e guardou os limites dela.',
          gl: 'O `pids.max` da sandbox é do root do host: quen delegou a subárbore entregou os grupos de debaixo e gardou os límites dela.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O grupo da sandbox tem processos, e o kernel só aceita mudar um limite de um grupo enquanto ele está vazio.',
          gl: 'O grupo da sandbox ten procesos, e o kernel só acepta cambiar un límite dun grupo mentres está baleiro.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `pids.max` da sandbox já está no máximo que o kernel aceita, e `max` pediria mais do que isso.',
          gl: 'O `pids.max` da sandbox xa está no máximo que acepta o kernel, e `max` pediría máis ca iso.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'No seu grupo o `max` também não valeu nada: o kernel aceitou a escrita mas a descartou em silêncio, por segurança.',
          gl: 'No teu grupo o `max` tampouco valeu de nada: o kernel aceptou a escritura pero descartouna en silencio, por seguridade.',
        },
      },
    ],
  },
]);
