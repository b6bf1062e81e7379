import { defineLesson } from '../types';
import quiz from './quiz';

// A container's /dev as a rootless runtime makes it (the sandbox's own is made the same way, by the launcher),
// then the duty of a PID namespace's init: waiting for its children.
const DEVICES = 'null,zero,random,urandom,tty';

export default defineLesson({
  slug: '15-dev-and-pid1',
  order: 16,
  title: { pt: '/dev e o dever do PID 1', gl: '/dev e o deber do PID 1' },
  summary: {
    pt: 'O /dev mínimo de um contêiner: por que o mknod é recusado, os dispositivos da sandbox montados com bind e um devpts próprio; depois o PID 1 que deixa zumbis e o que os recolhe.',
    gl: 'O /dev mínimo dun contedor: por que se rexeita o mknod, os dispositivos da sandbox montados con bind e un devpts propio; despois o PID 1 que deixa zombis e o que os recolle.',
  },
  steps: [
    {
      id: 'dev',
      title: { pt: 'Um /dev de binds, não de mknod', gl: 'Un /dev de binds, non de mknod' },
      commands: [
        { tab: 0, text: 'unshare -m -p -f bash' },
        { tab: 0, text: 'mount -t tmpfs -o mode=755,size=64k dev rootfs/dev' },
        { tab: 0, text: 'mknod rootfs/dev/null c 1 3' },
        {
          tab: 0,
          text: 'for d in null zero random urandom tty; do touch rootfs/dev/$d && mount --bind /dev/$d rootfs/dev/$d; done',
        },
        { tab: 0, text: 'ls -l rootfs/dev' },
      ],
      check: { id: 'container-dev', params: { devices: DEVICES, devpts: false } },
      hints: {
        'no-mount-ns': {
          pt: 'Nenhum processo está num namespace de montagem novo. No Terminal A, rode `unshare -m -p -f bash` e faça as montagens do passo nesse bash, sem sair dele.',
          gl: 'Ningún proceso está nun espazo de nomes de montaxe novo. No Terminal A, executa `unshare -m -p -f bash` e fai as montaxes do paso nese bash, sen saír del.',
        },
        'no-dev-tmpfs': {
          pt: 'Há um namespace de montagem novo, mas nele nenhum tmpfs novo cobre um `…/dev`. No bash do `unshare`, rode `mount -t tmpfs -o mode=755,size=64k dev rootfs/dev` (em `/root`, onde está o `rootfs`).',
          gl: 'Hai un espazo de nomes de montaxe novo, pero nel ningún tmpfs novo cobre un `…/dev`. No bash do `unshare`, executa `mount -t tmpfs -o mode=755,size=64k dev rootfs/dev` (en `/root`, onde está o `rootfs`).',
        },
        'missing-devices': {
          pt: 'O tmpfs de `{dev}` existe, mas ainda não tem um bind do dispositivo da sandbox em: {missing}. Rode o laço `for` do passo; um arquivo comum ou um `mknod` no lugar não contam.',
          gl: 'O tmpfs de `{dev}` existe, pero aínda non ten un bind do dispositivo da sandbox en: {missing}. Executa o bucle `for` do paso; un ficheiro corrente ou un `mknod` no seu lugar non contan.',
        },
      },
    },
    {
      id: 'devpts',
      title: { pt: 'Terminais próprios: devpts e ptmx', gl: 'Terminais propios: devpts e ptmx' },
      commands: [
        {
          tab: 0,
          text: 'mkdir rootfs/dev/pts && mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts rootfs/dev/pts',
        },
        { tab: 0, text: 'ln -s pts/ptmx rootfs/dev/ptmx' },
        { tab: 0, text: 'mount -t proc proc rootfs/proc' },
        { tab: 0, text: 'exec chroot rootfs /bin/sh' },
        { tab: 0, text: 'ls -l /dev /dev/pts; echo oi > /dev/null; head -c 8 /dev/urandom | od -An -tx1' },
        { tab: 1, text: 'cat /sys/fs/cgroup/devices/devices.list', cgroup: 'v1' },
        { tab: 1, text: 'ls /sys/fs/cgroup', cgroup: 'v2' },
      ],
      check: { id: 'container-dev', params: { devices: DEVICES, devpts: true } },
      hints: {
        'no-mount-ns': {
          pt: 'Nenhum processo está num namespace de montagem novo: o contêiner do passo anterior terminou. Refaça o passo 1 no Terminal A e depois os comandos deste.',
          gl: 'Ningún proceso está nun espazo de nomes de montaxe novo: o contedor do paso anterior rematou. Repite o paso 1 no Terminal A e despois as ordes deste.',
        },
        'no-dev-tmpfs': {
          pt: 'O namespace de montagem novo não tem mais um tmpfs num `…/dev`. Refaça o passo 1 no Terminal A.',
          gl: 'O espazo de nomes de montaxe novo xa non ten un tmpfs nun `…/dev`. Repite o paso 1 no Terminal A.',
        },
        'missing-devices': {
          pt: 'No `{dev}` do contêiner ainda falta o bind de: {missing}. Refaça o laço `for` do passo 1, antes do `chroot`.',
          gl: 'No `{dev}` do contedor aínda falta o bind de: {missing}. Repite o bucle `for` do paso 1, antes do `chroot`.',
        },
        'no-devpts': {
          pt: 'Os dispositivos estão em `{dev}`, mas `{dev}/pts` ainda não é um devpts. Rode o `mkdir … && mount -t devpts …` do passo.',
          gl: 'Os dispositivos están en `{dev}`, pero `{dev}/pts` aínda non é un devpts. Executa o `mkdir … && mount -t devpts …` do paso.',
        },
        'devpts-shared': {
          pt: 'O devpts em `{dev}/pts` é o da própria sandbox, com os terminais dela: faltou o `-t devpts -o newinstance,…` (foi um `mount --bind /dev/pts`?). Rode `umount {dev}/pts` e o `mount -t devpts` do passo.',
          gl: 'O devpts de `{dev}/pts` é o da propia sandbox, cos seus terminais: faltou o `-t devpts -o newinstance,…` (foi un `mount --bind /dev/pts`?). Executa `umount {dev}/pts` e o `mount -t devpts` do paso.',
        },
        'devpts-ptmxmode': {
          pt: 'Há um devpts novo em `{dev}/pts`, mas sem `ptmxmode=0666`: o `ptmx` dele nasce com permissão 000. Rode `umount {dev}/pts` e monte de novo com as opções do passo.',
          gl: 'Hai un devpts novo en `{dev}/pts`, pero sen `ptmxmode=0666`: o seu `ptmx` nace con permiso 000. Executa `umount {dev}/pts` e monta de novo coas opcións do paso.',
        },
      },
    },
    {
      id: 'zombie',
      title: { pt: 'Um PID 1 que não espera: o zumbi', gl: 'Un PID 1 que non agarda: o zombi' },
      commands: [
        { tab: 0, text: 'exit' },
        { tab: 0, text: "unshare -p -f --mount-proc sh -c 'sleep 1 & exec sleep 600'" },
        { tab: 1, text: 'ps -e -o pid,ppid,stat,comm' },
        { tab: 1, text: 'kill $(pgrep -o -x sleep); ps -e -o pid,ppid,stat,comm | grep sleep' },
        { tab: 1, text: 'kill -KILL $(pgrep -o -x sleep)' },
      ],
      check: { id: 'pid1-zombie' },
      hints: {
        'no-new-pidns': {
          pt: "Nenhum processo é o PID 1 de um namespace de PID novo. No Terminal A, rode `unshare -p -f --mount-proc sh -c 'sleep 1 & exec sleep 600'` e deixe-o rodando.",
          gl: "Ningún proceso é o PID 1 dun espazo de nomes de PID novo. No Terminal A, executa `unshare -p -f --mount-proc sh -c 'sleep 1 & exec sleep 600'` e déixao en marcha.",
        },
        'no-zombie': {
          pt: 'O PID 1 do namespace novo (`{comm}`, {pid} na sandbox) não tem filho zumbi. O `sleep 1` termina depois de um segundo: olhe de novo. Se o PID 1 é um shell, ele recolhe os filhos; o comando do passo troca o shell pelo `sleep 600` com `exec`.',
          gl: 'O PID 1 do espazo de nomes novo (`{comm}`, {pid} na sandbox) non ten ningún fillo zombi. O `sleep 1` remata despois dun segundo: mira de novo. Se o PID 1 é unha shell, recolle os fillos; a orde do paso cambia a shell polo `sleep 600` con `exec`.',
        },
      },
    },
    {
      id: 'reaper',
      title: { pt: 'Um PID 1 que recolhe os filhos', gl: 'Un PID 1 que recolle os fillos' },
      commands: [
        { tab: 0, text: "unshare -p -f --mount-proc sh -c 'sleep 1 & sleep 600 & wait'" },
        { tab: 1, text: 'ps -e -o pid,ppid,stat,comm' },
        { tab: 1, text: 'readlink /proc/self/exe /proc/$$/exe' },
        { tab: 1, text: 'kill -KILL $(pgrep -x sh)' },
      ],
      check: { id: 'pid1-reaps' },
      hints: {
        'no-new-pidns': {
          pt: 'Nenhum processo é o PID 1 de um namespace de PID novo. No Terminal A, rode o `unshare -p -f --mount-proc sh -c …` do passo e deixe-o rodando.',
          gl: 'Ningún proceso é o PID 1 dun espazo de nomes de PID novo. No Terminal A, executa o `unshare -p -f --mount-proc sh -c …` do paso e déixao en marcha.',
        },
        'zombie-left': {
          pt: 'O PID 1 (`{comm}`, {pid} na sandbox) ainda tem um filho zumbi: ele não espera pelos filhos. Termine-o com `kill -KILL {pid}` no Terminal B e rode no Terminal A o comando do passo, em que o `sh` fica como PID 1 e termina em `wait`.',
          gl: 'O PID 1 (`{comm}`, {pid} na sandbox) aínda ten un fillo zombi: non agarda polos fillos. Remátao con `kill -KILL {pid}` no Terminal B e executa no Terminal A a orde do paso, na que o `sh` queda como PID 1 e remata en `wait`.',
        },
        'not-reaped': {
          pt: 'O PID 1 (`{comm}`, {pid} na sandbox) ainda não recolheu nenhum filho. O `sleep 1` leva um segundo: olhe de novo. Se nada mudar, o PID 1 não espera pelos filhos; use o comando do passo, que termina em `wait`.',
          gl: 'O PID 1 (`{comm}`, {pid} na sandbox) aínda non recolleu ningún fillo. O `sleep 1` leva un segundo: mira de novo. Se nada cambia, o PID 1 non agarda polos fillos; usa a orde do paso, que remata en `wait`.',
        },
        'no-child': {
          pt: 'O PID 1 (`{comm}`, {pid} na sandbox) recolheu um filho, mas não tem mais nenhum de quem cuidar. Rode o comando do passo: o `sleep 600 &` fica como o serviço que o init acompanha.',
          gl: 'O PID 1 (`{comm}`, {pid} na sandbox) recolleu un fillo, pero xa non ten ningún do que coidar. Executa a orde do paso: o `sleep 600 &` queda como o servizo que o init acompaña.',
        },
      },
    },
  ],
  quiz,
});
