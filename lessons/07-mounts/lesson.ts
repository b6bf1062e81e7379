import { defineLesson } from '../types';

export default defineLesson({
  slug: '07-mounts',
  order: 7,
  title: {
    pt: 'Montagens: volumes, propagação e pivot_root',
    gl: 'Montaxes: volumes, propagación e pivot_root',
  },
  summary: {
    pt: 'Uma montagem bind põe uma pasta do host dentro do contêiner, como um volume; a propagação decide se as montagens vazam entre namespaces; e o pivot_root troca a raiz do namespace inteiro, onde o chroot deixava uma saída.',
    gl: 'Unha montaxe bind pon un cartafol do host dentro do contedor, coma un volume; a propagación decide se as montaxes se escapan entre espazos de nomes; e o pivot_root cambia a raíz do espazo de nomes enteiro, onde o chroot deixaba unha saída.',
  },
  steps: [
    {
      id: 'bind-ro',
      title: { pt: 'Um volume só de leitura', gl: 'Un volume só de lectura' },
      commands: [
        { tab: 1, text: 'mkdir -p /root/volume /root/rootfs/mnt/volume' },
        { tab: 1, text: 'echo texto > /root/volume/nota.txt' },
        // `ro` alone is not enough here: the sandbox's mounts carry a `nodev` that the kernel locks (they
        // were inherited into a user namespace), and util-linux 2.38's read-only remount leaves it out → EPERM.
        { tab: 1, text: 'mount --bind -o ro,nodev /root/volume /root/rootfs/mnt/volume' },
        { tab: 1, text: 'cat /root/rootfs/mnt/volume/nota.txt' },
        { tab: 1, text: 'echo adeus > /root/rootfs/mnt/volume/nota.txt' },
      ],
      check: {
        id: 'bind-mount',
        params: { source: '/root/volume', target: '/root/rootfs/mnt/volume', readOnly: true },
      },
      hints: {
        'not-mounted': {
          pt: 'Nada está montado em `{target}`. No Terminal B, crie as pastas e o arquivo com os dois primeiros comandos do passo e rode `mount --bind -o ro,nodev /root/volume {target}`.',
          gl: 'Non hai nada montado en `{target}`. No Terminal B, crea os cartafoles e o ficheiro coas dúas primeiras ordes do paso e executa `mount --bind -o ro,nodev /root/volume {target}`.',
        },
        'other-source': {
          pt: 'Há uma montagem em `{target}`, mas ela não mostra a pasta `{source}`. Desmonte com `umount {target}` e faça o bind de novo, com `{source}` como origem.',
          gl: 'Hai unha montaxe en `{target}`, pero non amosa o cartafol `{source}`. Desmonta con `umount {target}` e fai de novo o bind, con `{source}` como orixe.',
        },
        writable: {
          pt: 'O bind em `{target}` existe, mas aceita escrita: o `-o ro` ficou de fora ou não pegou. Torne-o só de leitura sem desmontar: `mount -o remount,bind,ro {target}`.',
          gl: 'O bind en `{target}` existe, pero admite escritura: o `-o ro` quedou fóra ou non funcionou. Faino só de lectura sen desmontalo: `mount -o remount,bind,ro {target}`.',
        },
      },
    },
    {
      id: 'shared',
      title: { pt: 'Uma montagem que vaza', gl: 'Unha montaxe que se escapa' },
      commands: [
        {
          tab: 1,
          text: 'mkdir -p /root/prop && mount -t tmpfs prop /root/prop && mount --make-shared /root/prop && mkdir /root/prop/a /root/prop/b',
        },
        { tab: 0, text: 'unshare -m --propagation unchanged bash' },
        { tab: 0, text: 'mount -t tmpfs fuga /root/prop/a' },
        { tab: 1, text: 'findmnt -R /root/prop' },
      ],
      check: { id: 'mount-propagated', params: { path: '/root/prop/a', fsSource: 'fuga' } },
      hints: {
        'no-mount': {
          pt: 'Nenhum namespace de montagem tem o tmpfs `{fsSource}` em `{path}`. No Terminal A, dentro do bash do `unshare -m --propagation unchanged`, rode `mount -t tmpfs {fsSource} {path}`.',
          gl: 'Ningún espazo de nomes de montaxe ten o tmpfs `{fsSource}` en `{path}`. No Terminal A, dentro do bash do `unshare -m --propagation unchanged`, executa `mount -t tmpfs {fsSource} {path}`.',
        },
        'not-shared': {
          pt: 'A montagem em `{path}` existe num namespace só: ela não vazou. O `/root/prop` precisa estar compartilhado antes do `unshare` (no Terminal B, `findmnt -o TARGET,PROPAGATION /root/prop` deve dizer `shared`), e o `unshare` precisa do `--propagation unchanged`. Saia do bash do Terminal A com `exit` e crie o namespace de novo.',
          gl: 'A montaxe en `{path}` existe nun só espazo de nomes: non se escapou. O `/root/prop` ten que estar compartido antes do `unshare` (no Terminal B, `findmnt -o TARGET,PROPAGATION /root/prop` debe dicir `shared`), e o `unshare` precisa do `--propagation unchanged`. Sae do bash do Terminal A con `exit` e crea de novo o espazo de nomes.',
        },
      },
    },
    {
      id: 'private',
      title: { pt: 'A mesma montagem, privada', gl: 'A mesma montaxe, privada' },
      commands: [
        { tab: 0, text: 'exit' },
        { tab: 1, text: 'umount /root/prop/a' },
        { tab: 0, text: 'unshare -m bash' },
        { tab: 0, text: 'mount -t tmpfs privado /root/prop/b' },
        { tab: 0, text: 'findmnt /root/prop/b' },
        { tab: 1, text: 'findmnt /root/prop/b' },
      ],
      check: { id: 'mount-private', params: { path: '/root/prop/b', fsSource: 'privado' } },
      hints: {
        'no-mount': {
          pt: 'Nenhum namespace novo tem o tmpfs `{fsSource}` em `{path}`. No Terminal A, rode `unshare -m bash` e, dentro dele, `mount -t tmpfs {fsSource} {path}`.',
          gl: 'Ningún espazo de nomes novo ten o tmpfs `{fsSource}` en `{path}`. No Terminal A, executa `unshare -m bash` e, dentro del, `mount -t tmpfs {fsSource} {path}`.',
        },
        leaked: {
          pt: 'O tmpfs em `{path}` também aparece no namespace da própria sandbox: vazou. O namespace nasceu com propagação compartilhada, ou o `mount` rodou no Terminal B. Desmonte com `umount {path}` no Terminal B, saia do bash do Terminal A com `exit` e rode lá `unshare -m bash`, sem outras opções.',
          gl: 'O tmpfs en `{path}` aparece tamén no espazo de nomes da propia sandbox: escapouse. O espazo de nomes naceu con propagación compartida, ou o `mount` executouse no Terminal B. Desmonta con `umount {path}` no Terminal B, sae do bash do Terminal A con `exit` e executa alí `unshare -m bash`, sen outras opcións.',
        },
      },
    },
    {
      id: 'pivot',
      title: { pt: 'Um contêiner com pivot_root', gl: 'Un contedor con pivot_root' },
      commands: [
        { tab: 0, text: 'exit' },
        { tab: 0, text: 'unshare -m -p -f -u -i -n bash' },
        { tab: 0, text: 'mount --make-rprivate /' },
        { tab: 0, text: 'mount --bind /root/rootfs /root/rootfs' },
        { tab: 0, text: 'mount -t proc proc /root/rootfs/proc' },
        { tab: 0, text: 'cd /root/rootfs && mkdir -p .antiga && pivot_root . .antiga' },
        { tab: 0, text: 'cd / && umount -l /.antiga && rmdir /.antiga' },
        { tab: 0, text: 'exec /bin/sh' },
        { tab: 0, text: 'cat /proc/self/mountinfo' },
      ],
      check: { id: 'pivoted-root', params: { path: '/root/rootfs' } },
      hints: {
        'no-process': {
          pt: 'Nenhum processo num namespace de montagem novo tem `{path}` como raiz. No Terminal A, rode os comandos do passo em ordem, do `unshare` até o `pivot_root . .antiga`.',
          gl: 'Ningún proceso nun espazo de nomes de montaxe novo ten `{path}` como raíz. No Terminal A, executa as ordes do paso en orde, desde o `unshare` ata o `pivot_root . .antiga`.',
        },
        chrooted: {
          pt: 'O processo {pid} tem o rootfs como raiz, mas por chroot: o namespace de montagem dele ainda tem a raiz antiga montada. Saia dele com `exit` e faça o caminho do passo, com o bind do rootfs sobre si mesmo e o `pivot_root`.',
          gl: 'O proceso {pid} ten o rootfs como raíz, pero por chroot: o seu espazo de nomes de montaxe aínda ten a raíz antiga montada. Sae del con `exit` e fai o camiño do paso, co bind do rootfs sobre si mesmo e o `pivot_root`.',
        },
        'old-root': {
          pt: 'O `pivot_root` funcionou, mas a raiz antiga continua montada em `/.antiga` no namespace do processo {pid}, e por ali dá para voltar. No Terminal A, rode `cd / && umount -l /.antiga && rmdir /.antiga`.',
          gl: 'O `pivot_root` funcionou, pero a raíz antiga segue montada en `/.antiga` no espazo de nomes do proceso {pid}, e por aí pódese volver. No Terminal A, executa `cd / && umount -l /.antiga && rmdir /.antiga`.',
        },
      },
    },
    {
      id: 'escape',
      title: { pt: 'A fuga do chroot', gl: 'A fuga do chroot' },
      commands: [
        { tab: 1, text: 'cp /usr/local/bin/escapa /root/rootfs/bin/' },
        { tab: 1, text: 'cd /root && chroot rootfs /bin/sh' },
        { tab: 1, text: '/bin/escapa' },
        { tab: 1, text: 'ls /root' },
        { tab: 0, text: '/bin/escapa' },
        { tab: 0, text: 'ls /' },
      ],
      check: { id: 'chroot-escaped', params: { path: '/root/rootfs' } },
      hints: {
        'no-escape': {
          pt: 'Nenhum processo saiu ainda de um chroot do rootfs. No Terminal B, copie a `escapa` para `/root/rootfs/bin/`, entre com `cd /root && chroot rootfs /bin/sh` e, lá dentro, rode `/bin/escapa`.',
          gl: 'Aínda ningún proceso saíu dun chroot do rootfs. No Terminal B, copia a `escapa` a `/root/rootfs/bin/`, entra con `cd /root && chroot rootfs /bin/sh` e, alí dentro, executa `/bin/escapa`.',
        },
      },
    },
  ],
  quiz: [
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
  ],
});
