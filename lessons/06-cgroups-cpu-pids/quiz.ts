import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Um grupo tem cota de 25000 µs por período de 100000 µs (`cpu.max` = `25000 100000` no v2, `cpu.cfs_quota_us` = 25000 no v1) e dois processos ocupados dentro. Quanto de CPU cada um recebe?',
      gl: 'Un grupo ten unha cota de 25000 µs por período de 100000 µs (`cpu.max` = `25000 100000` no v2, `cpu.cfs_quota_us` = 25000 no v1) e dous procesos ocupados dentro. Canta CPU recibe cada un?',
    },
    options: [
      { id: 'a', text: { pt: 'Uns 25 % cada um.', gl: 'Arredor do 25 % cada un.' } },
      {
        id: 'b',
        text: {
          pt: 'Uns 12,5 % cada um: a cota é do grupo, e os dois a dividem.',
          gl: 'Arredor do 12,5 % cada un: a cota é do grupo, e os dous repártena.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Uma CPU inteira cada um, porque o período é longo demais para o kernel medir.',
          gl: 'Unha CPU enteira cada un, porque o período é longo de máis para que o kernel o mida.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O primeiro recebe 25 %; o segundo fica parado até o primeiro terminar.',
          gl: 'O primeiro recibe o 25 %; o segundo queda parado ata que remate o primeiro.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'O grupo `baixo` tem peso 100 (`cpu.weight`; 1024 em `cpu.shares`) e um laço ocupado. O grupo `alto`, de peso 200, está com o laço parado. Quanto de CPU o laço de `baixo` consegue?',
      gl: 'O grupo `baixo` ten peso 100 (`cpu.weight`; 1024 en `cpu.shares`) e un bucle ocupado. O grupo `alto`, de peso 200, ten o bucle parado. Canta CPU consegue o bucle de `baixo`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'A CPU inteira: um peso só conta quando há disputa, e ninguém está disputando com ele.',
          gl: 'A CPU enteira: un peso só conta cando hai disputa, e ninguén lla está a disputar.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um terço da CPU, sempre: 100 contra 200 dá a `baixo` uma fatia fixa, e o resto fica ocioso.',
          gl: 'Un terzo da CPU, sempre: 100 contra 200 dálle a `baixo` unha porción fixa, e o resto queda ocioso.',
        },
      },
      {
        id: 'c',
        text: {
          pt: '1 % da CPU, porque o peso é uma fração do máximo do `cpu.weight`, que é 10000.',
          gl: 'O 1 % da CPU, porque o peso é unha fracción do máximo de `cpu.weight`, que é 10000.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Nada até `alto` voltar a trabalhar: o peso maior reserva a CPU para ele mesmo quando está parado.',
          gl: 'Nada ata que `alto` volva traballar: o peso maior resérvalle a CPU mesmo cando está parado.',
        },
      },
    ],
  },
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
]);
