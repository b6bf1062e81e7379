import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Qual é a diferença entre `unshare` e `nsenter`?',
      gl: 'Cal é a diferenza entre `unshare` e `nsenter`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O `unshare` cria namespaces; o `nsenter` entra (com `setns`) nos que já existem, achados em `/proc/PID/ns`.',
          gl: '`unshare` crea espazos de nomes; `nsenter` entra (con `setns`) nos que xa existen, atopados en `/proc/PID/ns`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Nenhuma: são dois nomes para o mesmo programa do util-linux, e o `nsenter` é só um link para o `unshare`.',
          gl: 'Ningunha: son dous nomes para o mesmo programa do util-linux, e `nsenter` é só unha ligazón a `unshare`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `nsenter` também cria namespaces, mas só para o root; o `unshare` é a versão que um usuário comum pode rodar.',
          gl: '`nsenter` tamén crea espazos de nomes, pero só para o root; `unshare` é a versión que pode executar un usuario común.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O `unshare` só serve para o namespace de rede; o `nsenter`, para os outros tipos, como PID, UTS e montagem.',
          gl: '`unshare` só serve para o espazo de nomes de rede; `nsenter`, para os demais tipos, como PID, UTS e montaxe.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Você rodou `nsenter -t PID -m -p /bin/sh` contra o contêiner, sem `-r`, e o `ls /` mostra os arquivos da sandbox. Por quê?',
      gl: 'Executaches `nsenter -t PID -m -p /bin/sh` contra o contedor, sen `-r`, e o `ls /` amosa os ficheiros da sandbox. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O rootfs do contêiner está vazio para quem entra de fora, e o `nsenter` cai então na raiz da sandbox.',
          gl: 'O rootfs do contedor está baleiro para quen entra desde fóra, e `nsenter` cae entón na raíz da sandbox.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O chroot é do processo, não do namespace de montagem: quem entra fica na raiz real dele; `-r` copia a do alvo.',
          gl: 'O chroot é do proceso, non do espazo de nomes de montaxe: quen entra queda na súa raíz real; `-r` copia a do obxectivo.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Faltou o `-u`: sem o namespace UTS, o `nsenter` não sabe qual contêiner é e fica com a raiz da sandbox.',
          gl: 'Faltou o `-u`: sen o espazo de nomes UTS, `nsenter` non sabe cal é o contedor e queda coa raíz da sandbox.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O `nsenter` ignora o `-m` quando também recebe `-p`, e o shell fica no namespace de montagem da sandbox.',
          gl: '`nsenter` ignora o `-m` cando tamén recibe `-p`, e a shell queda no espazo de nomes de montaxe da propia sandbox.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'No Terminal B, `grep NSpid /proc/$(pgrep -n -x sh)/status` mostra `NSpid: 23453 1`. O que são esses dois números?',
      gl: 'No Terminal B, `grep NSpid /proc/$(pgrep -n -x sh)/status` amosa `NSpid: 23453 1`. Que son eses dous números?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O PID do processo e o do seu pai, o `unshare` que o criou no namespace da sandbox.',
          gl: 'O PID do proceso e o do seu pai, o `unshare` que o creou no espazo de nomes da sandbox.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O número do namespace de PID e o PID lá dentro: 23453 identifica o namespace, e 1 é o shell.',
          gl: 'O número do espazo de nomes de PID e o PID de dentro: 23453 identifica o espazo, e 1 é a shell.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O PID do mesmo processo em cada nível: 23453 no namespace da sandbox, 1 no do contêiner.',
          gl: 'O PID do mesmo proceso en cada nivel: 23453 no espazo de nomes da sandbox, 1 no do contedor.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O número de processos do contêiner e o de threads do shell, que o kernel conta a cada `fork`.',
          gl: 'O número de procesos do contedor e o de fíos da shell, que o kernel conta en cada `fork`.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'O que mantém um namespace vivo quando nenhum processo está mais nele?',
      gl: 'Que mantén vivo un espazo de nomes cando xa non queda ningún proceso nel?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Nada: ele sempre morre com o último processo, e o kernel recicla o número do inode na mesma hora.',
          gl: 'Nada: sempre morre co último proceso, e o kernel recicla o número do inode no mesmo momento.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O cgroup em que o contêiner rodava, enquanto o diretório dele existir em `/sys/fs/cgroup`.',
          gl: 'O cgroup no que se executaba o contedor, mentres o seu cartafol exista en `/sys/fs/cgroup`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `lsns`, enquanto ele estiver listando: ler `/proc/PID/ns` segura uma referência a cada namespace até ele sair.',
          gl: '`lsns`, mentres estea a listalo: ler `/proc/PID/ns` garda unha referencia a cada espazo de nomes ata que remate.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Um descritor aberto ou uma montagem bind de `/proc/PID/ns/<tipo>`, como as do `ip netns` em `/run/netns`.',
          gl: 'Un descritor aberto ou unha montaxe bind de `/proc/PID/ns/<tipo>`, como as de `ip netns` en `/run/netns`.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'No namespace de tempo, `uptime -p` diz “up 1 decade”, mas `date` mostra a data certa. Por quê?',
      gl: 'No espazo de nomes de tempo, `uptime -p` di “up 1 decade”, pero `date` amosa a data correcta. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Faltou a opção `--realtime` do `unshare`, que desloca também a data junto com o uptime.',
          gl: 'Faltou a opción `--realtime` de `unshare`, que despraza tamén a data xunto co uptime.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O namespace de tempo desloca só os relógios monotônico e de boot; o relógio real, da data, é o de todos.',
          gl: 'O espazo de nomes de tempo só despraza os reloxos monotónico e de arranque; o real, o da data, é o de todos.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `date` lê o relógio do hardware, o RTC da placa-mãe, que nenhum namespace alcança nem desloca.',
          gl: '`date` le o reloxo do hardware, o RTC da placa base, que ningún espazo de nomes alcanza nin despraza.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O deslocamento é em milissegundos, pequeno demais para mudar a data, mas o `uptime -p` arredonda para cima.',
          gl: 'O desprazamento vai en milisegundos, pequeno de máis para cambiar a data, pero `uptime -p` arredonda cara arriba.',
        },
      },
    ],
  },
  {
    id: 'q6',
    prompt: {
      pt: 'Depois de `unshare -C bash`, as linhas de `/proc/self/cgroup` terminam em `/`. O que mudou?',
      gl: 'Despois de `unshare -C bash`, as liñas de `/proc/self/cgroup` rematan en `/`. Que cambiou?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Só a visão: os caminhos agora são relativos ao cgroup em que o bash estava ao criar o namespace.',
          gl: 'Só a vista: as rutas agora son relativas ao cgroup no que estaba o bash ao crear o espazo de nomes.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O bash foi movido para o cgroup raiz da máquina, e por isso o caminho em cada linha virou só `/`.',
          gl: 'O bash moveuse ao cgroup raíz da máquina, e por iso a ruta de cada liña pasou a ser `/`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O bash ficou livre de todos os limites de memória e CPU, como um processo no cgroup raiz.',
          gl: 'O bash quedou libre de todos os límites de memoria e CPU, coma un proceso no cgroup raíz.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O kernel trocou o cgroup v1 pelo v2 dentro do namespace, e no v2 cada linha termina em `/`.',
          gl: 'O kernel cambiou o cgroup v1 polo v2 dentro do espazo de nomes, e no v2 cada liña remata sempre en `/`.',
        },
      },
    ],
  },
]);
