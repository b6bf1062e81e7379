import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Sem o `mount --bind /root/rootfs /root/rootfs`, o `pivot_root . .antiga` falha com `Invalid argument`. Por quê?',
      gl: 'Sen o `mount --bind /root/rootfs /root/rootfs`, o `pivot_root . .antiga` falla con `Invalid argument`. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O `pivot_root` troca montagens: a nova raiz precisa ser um ponto de montagem, e o bind da pasta sobre si mesma cria um.',
          gl: 'O `pivot_root` cambia montaxes: a nova raíz ten que ser un punto de montaxe, e o bind do cartafol sobre si mesmo crea un.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'A nova raiz precisa ser um sistema de arquivos em memória, como o tmpfs, e não uma pasta no disco da sandbox.',
          gl: 'A nova raíz ten que ser un sistema de ficheiros en memoria, coma tmpfs, e non un cartafol no disco da sandbox.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A nova raiz precisa estar em outro disco ou partição, para o kernel não confundir a raiz antiga com a nova.',
          gl: 'A nova raíz ten que estar noutro disco ou partición, para que o kernel non confunda a raíz antiga coa nova.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O bind não tem nada a ver: o erro vem do `mount --make-rprivate /`, que deixa a raiz privada demais para o `pivot_root`.',
          gl: 'O bind non ten nada que ver: o erro vén do `mount --make-rprivate /`, que deixa a raíz demasiado privada para o `pivot_root`.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Como a `escapa` sai de um chroot?',
      gl: 'Como sae a `escapa` dun chroot?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Ela segue um link simbólico que aponta para `/`: o kernel resolve o link a partir da raiz da máquina, não da do chroot.',
          gl: 'Segue unha ligazón simbólica que apunta a `/`: o kernel resolve a ligazón desde a raíz da máquina, non desde a do chroot.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Com `CAP_SYS_CHROOT`, faz `chroot` numa subpasta sem `chdir`: o diretório atual fica fora da raiz, e `..` sobe até a raiz real.',
          gl: 'Con `CAP_SYS_CHROOT`, fai `chroot` nun subcartafol sen `chdir`: o cartafol actual queda fóra da raíz, e `..` sobe ata a raíz real.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Ela explora um bug do kernel no tratamento de `..` dentro de um chroot, que deixa subir além da raiz; já foi corrigido nas versões novas.',
          gl: 'Aproveita un erro do kernel no tratamento de `..` dentro dun chroot, que deixa subir alén da raíz; xa se corrixiu nas versións novas.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Ela mata o processo `chroot` que a prendia, e o shell, sem o pai que o mantinha preso, volta sozinho para a raiz da sandbox.',
          gl: 'Mata o proceso `chroot` que a prendía, e a shell, sen o pai que a mantiña presa, volve soa á raíz da sandbox.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'Por que um runtime roda `mount --make-rprivate /` logo depois de criar o namespace de montagem?',
      gl: 'Por que un runtime executa `mount --make-rprivate /` xusto despois de crear o espazo de nomes de montaxe?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Para deixar `/` só de leitura no namespace novo, e assim o contêiner não estraga os arquivos do host antes do `pivot_root`.',
          gl: 'Para deixar `/` só de lectura no espazo de nomes novo, e así o contedor non estraga os ficheiros do host antes do `pivot_root`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Com systemd, `/` é compartilhada: montagens do contêiner vazariam para o host e vice-versa; e o `pivot_root` recusa montagens compartilhadas.',
          gl: 'Con systemd, `/` está compartida: as montaxes do contedor pasarían ao host e viceversa; e `pivot_root` rexeita montaxes compartidas.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Para criar o namespace de PID do contêiner: o `--make-rprivate` separa a tabela de processos, e o `/proc` novo passa a mostrar só os de dentro.',
          gl: 'Para crear o espazo de nomes de PID do contedor: `--make-rprivate` separa a táboa de procesos, e o `/proc` novo amosa só os de dentro.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Para esconder do contêiner as montagens do host: depois dele, `/proc/self/mountinfo` lá dentro passa a listar só as montagens do próprio contêiner.',
          gl: 'Para agochar do contedor as montaxes do host: despois del, `/proc/self/mountinfo` alí dentro lista só as montaxes do propio contedor.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'No Docker, o bind só de leitura de `/root/volume` em `/mnt/volume` corresponde a quê?',
      gl: 'En Docker, a que corresponde o bind só de lectura de `/root/volume` en `/mnt/volume`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'A uma camada da imagem, só de leitura, que o Docker empilha sobre as outras quando o contêiner sobe.',
          gl: 'A unha capa da imaxe, só de lectura, que Docker empilla sobre as demais cando arrinca o contedor.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'A uma variável de ambiente passada com `-e`, que diz ao contêiner onde está a pasta do host.',
          gl: 'A unha variable de ambiente pasada con `-e`, que lle di ao contedor onde está o cartafol do host.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A `docker run -v /root/volume:/mnt/volume:ro`: uma montagem bind, desfeita com `umount`.',
          gl: 'A `docker run -v /root/volume:/mnt/volume:ro`: unha montaxe bind, que se desfai con `umount`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'A um `docker cp /root/volume`, que copia a pasta para dentro do contêiner e a marca só de leitura.',
          gl: 'A un `docker cp /root/volume`, que copia o cartafol dentro do contedor e o marca só de lectura.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Do Terminal B, como você vê os arquivos que um processo do contêiner enxerga como `/`?',
      gl: 'Desde o Terminal B, como ves os ficheiros que un proceso do contedor ve como `/`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Com `ls` no caminho que `readlink /proc/PID/root` imprimir: é o nome que a raiz do processo tem na sandbox.',
          gl: 'Con `ls` na ruta que imprima `readlink /proc/PID/root`: é o nome que a raíz do proceso ten na sandbox.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Só entrando no contêiner com `nsenter -m`, porque a raiz dele está no namespace de montagem de dentro.',
          gl: 'Só entrando no contedor con `nsenter -m`, porque a súa raíz está no espazo de nomes de montaxe de dentro.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Não dá: depois do `pivot_root`, a raiz do contêiner some para quem está fora.',
          gl: 'Non se pode: despois do `pivot_root`, a raíz do contedor desaparece para quen está fóra.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Com `ls /proc/PID/root/`: o kernel segue esse link até a raiz do processo, seja ela qual for.',
          gl: 'Con `ls /proc/PID/root/`: o kernel segue esa ligazón ata a raíz do proceso, sexa cal sexa.',
        },
      },
    ],
  },
]);
