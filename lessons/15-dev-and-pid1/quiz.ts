import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Dentro da sandbox você é root, mas `mknod rootfs/dev/null c 1 3` responde `Operation not permitted`. Por quê?',
      gl: 'Dentro da sandbox es root, pero `mknod rootfs/dev/null c 1 3` responde `Operation not permitted`. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Criar um dispositivo exige CAP_MKNOD no namespace de usuário inicial, e o root da sandbox só é root no dela.',
          gl: 'Crear un dispositivo esixe CAP_MKNOD no espazo de nomes de usuario inicial, e o root da sandbox só é root no seu.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O tmpfs foi montado sem a opção `dev`, e um sistema de arquivos assim não aceita que se crie nele nenhum arquivo de dispositivo.',
          gl: 'O tmpfs montouse sen a opción `dev`, e un sistema de ficheiros así non acepta que se cree nel ningún ficheiro de dispositivo.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O cgroup `devices` da sandbox tem uma regra que proíbe criar o dispositivo de caractere 1:3 em qualquer pasta.',
          gl: 'O cgroup `devices` da sandbox ten unha regra que prohibe crear o dispositivo de carácter 1:3 en calquera cartafol.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O /dev/null da sandbox já existe, e o kernel só permite um arquivo de dispositivo por número de dispositivo.',
          gl: 'O /dev/null da sandbox xa existe, e o kernel só permite un ficheiro de dispositivo por cada número de dispositivo.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Para que serve o `ptmxmode=0666` no `mount -t devpts -o newinstance,…` do contêiner?',
      gl: 'Para que serve o `ptmxmode=0666` no `mount -t devpts -o newinstance,…` do contedor?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Para mostrar ao contêiner os terminais da sandbox, `/dev/pts/0` e `/dev/pts/1`, com permissão de leitura e escrita para todos.',
          gl: 'Para amosarlle ao contedor os terminais da sandbox, `/dev/pts/0` e `/dev/pts/1`, con permiso de lectura e escritura para todos.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O `ptmx` de uma instância nova nasce com permissão 000; com 0666, qualquer processo dela pode abri-lo e pedir um terminal.',
          gl: 'O `ptmx` dunha instancia nova nace con permiso 000; con 0666, calquera proceso dela pode abrilo e pedir un terminal.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Sem essa opção, o kernel recusa montar um devpts dentro de um namespace de usuário que não é o inicial.',
          gl: 'Sen esa opción, o kernel négase a montar un devpts dentro dun espazo de nomes de usuario que non é o inicial.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Ela cria de uma vez 666 terminais no contêiner, numerados a partir de 0, para os shells que ele abrir depois.',
          gl: 'Crea dunha vez 666 terminais no contedor, numerados desde 0, para as shells que abra despois.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: "Com `sh -c 'sleep 1 & exec sleep 600'` como PID 1, por que o `sleep 1` fica como zumbi (`Z`) depois de terminar?",
      gl: "Con `sh -c 'sleep 1 & exec sleep 600'` como PID 1, por que o `sleep 1` queda como zombi (`Z`) despois de rematar?",
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O namespace de PID novo não deixa terminar os filhos do PID 1 enquanto ele vive: o kernel os congela no estado `Z`.',
          gl: 'O espazo de nomes de PID novo non deixa rematar os fillos do PID 1 mentres este vive: o kernel conxélaos no estado `Z`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O pai dele agora é o `sleep 600`, que nunca chama `wait`, e o kernel guarda o status de saída até o pai recolhê-lo.',
          gl: 'O seu pai agora é o `sleep 600`, que nunca chama a `wait`, e o kernel garda o estado de saída ata que o pai o recolla.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `--mount-proc` monta uma cópia do /proc feita na partida, e o `ps` mostra lá um processo que já não existe em lugar nenhum.',
          gl: 'O `--mount-proc` monta unha copia do /proc feita ao comezo, e o `ps` amosa alí un proceso que xa non existe en ningures.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Num namespace de PID novo o SIGCHLD não é entregue, então nenhum processo fica sabendo que o filho terminou.',
          gl: 'Nun espazo de nomes de PID novo o SIGCHLD non se entrega, así que ningún proceso se entera de que o fillo rematou.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'O que o `docker run --init` põe como PID 1 do contêiner?',
      gl: 'Que pon `docker run --init` como PID 1 do contedor?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O systemd da imagem, que lê os arquivos de unidade, sobe os serviços do contêiner e os reinicia quando falham.',
          gl: 'O systemd da imaxe, que le os ficheiros de unidade, arrinca os servizos do contedor e reiníciaos cando fallan.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O próprio daemon do Docker, que entra nos namespaces do contêiner para acompanhar os processos de lá de dentro.',
          gl: 'O propio daemon de Docker, que entra nos espazos de nomes do contedor para acompañar os seus procesos desde dentro.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Um init pequeno, o tini, que roda o seu programa como filho, repassa os sinais e espera por todos os filhos.',
          gl: 'Un init pequeno, o tini, que executa o teu programa como fillo, reenvía os sinais e agarda por todos os fillos.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O `/bin/sh` da imagem, que roda o seu programa com `exec` para que ele fique com o PID 1 e receba os sinais.',
          gl: 'O `/bin/sh` da imaxe, que executa o teu programa con `exec` para que quede co PID 1 e reciba os sinais.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'No runtime de Liz Rice, `run` executa `/proc/self/exe child …` com flags de clone para namespaces novos. Por quê?',
      gl: 'No runtime de Liz Rice, `run` executa `/proc/self/exe child …` con flags de clone para espazos de nomes novos. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Para copiar o próprio binário para dentro da raiz do contêiner, que não tem nenhum programa além dos da imagem.',
          gl: 'Para copiar o propio binario dentro da raíz do contedor, que non ten ningún programa ademais dos da imaxe.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Porque `/proc/self/exe` é o init que o kernel dá a cada namespace de PID novo, e o runtime só o chama.',
          gl: 'Porque `/proc/self/exe` é o init que o kernel lle dá a cada espazo de nomes de PID novo, e o runtime só o chama.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Para sair dos namespaces que criou e voltar aos do host, onde ele monta o /dev e o /proc do contêiner.',
          gl: 'Para saír dos espazos de nomes que creou e volver aos do host, onde monta o /dev e o /proc do contedor.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Para rodar o mesmo programa de novo, já dentro deles, e preparar hostname, raiz e /proc antes do comando.',
          gl: 'Para executar o mesmo programa de novo, xa dentro deles, e preparar hostname, raíz e /proc antes da orde.',
        },
      },
    ],
  },
]);
