import { defineLesson } from '../types';
import quiz from './quiz';

export default defineLesson({
  slug: '07-mounts',
  order: 8,
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
          pt: 'Há uma montagem em `{target}`, mas ela mostra a pasta `{found}`, não `{source}`. Desmonte com `umount {target}` e faça o bind de novo, com `{source}` como origem.',
          gl: 'Hai unha montaxe en `{target}`, pero amosa o cartafol `{found}`, non `{source}`. Desmonta con `umount {target}` e fai de novo o bind, con `{source}` como orixe.',
        },
        'not-bind': {
          pt: 'Em `{target}` está montado um sistema de arquivos `{fstype}` próprio, não um bind da pasta `{source}`. Desmonte com `umount {target}` e faça o bind, com `{source}` como origem.',
          gl: 'En `{target}` está montado un sistema de ficheiros `{fstype}` propio, non un bind do cartafol `{source}`. Desmonta con `umount {target}` e fai o bind, con `{source}` como orixe.',
        },
        writable: {
          pt: 'O bind em `{target}` existe, mas aceita escrita (as opções dele são `{found}`): o `-o ro` ficou de fora ou não pegou. Torne-o só de leitura sem desmontar: `mount -o remount,bind,ro {target}`.',
          gl: 'O bind en `{target}` existe, pero admite escritura (as súas opcións son `{found}`): o `-o ro` quedou fóra ou non funcionou. Faino só de lectura sen desmontalo: `mount -o remount,bind,ro {target}`.',
        },
      },
      replay: { skip: ['echo adeus > /root/rootfs/mnt/volume/nota.txt'] },
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
  quiz,
});
