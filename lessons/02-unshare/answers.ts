import { defineAnswers } from '../types';

// The answer key of lesson 02: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Há um só kernel. Os namespaces mudam o que cada grupo de processos enxerga, não quem executa esses processos.',
        gl: 'Hai un só kernel. Os espazos de nomes cambian o que ve cada grupo de procesos, non quen executa eses procesos.',
      },
      b: {
        pt: 'Isso. Cada tipo (mnt, uts, ipc, net, pid, user, cgroup, time) embrulha um recurso diferente, e o mesmo kernel atende a todos.',
        gl: 'Iso é. Cada tipo (mnt, uts, ipc, net, pid, user, cgroup, time) envolve un recurso distinto, e o mesmo kernel atende a todos.',
      },
      c: {
        pt: 'Essa é a raiz do contêiner, o rootfs, que aqui entra pelo chroot. Um namespace é um mecanismo do kernel, não uma pasta.',
        gl: 'Esa é a raíz do contedor, o rootfs, que aquí entra polo chroot. Un espazo de nomes é un mecanismo do kernel, non un cartafol.',
      },
      d: {
        pt: 'Limitar recursos é o papel dos cgroups, assunto de lições futuras. Um namespace muda o que o processo vê, não quanto ele pode gastar.',
        gl: 'Limitar recursos é o papel dos cgroups, tema de leccións futuras. Un espazo de nomes cambia o que ve o proceso, non canto pode gastar.',
      },
    },
  },
  q2: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Exato. Sem `-f`, o shell ficaria fora do namespace, o primeiro comando externo viraria o PID 1 e, quando ele terminasse, o seguinte falharia com `Cannot allocate memory`.',
        gl: 'Exacto. Sen `-f`, a shell quedaría fóra do espazo de nomes, a primeira orde externa pasaría a ser o PID 1 e, cando rematase, a seguinte fallaría con `Cannot allocate memory`.',
      },
      b: {
        pt: 'O `-f` quer dizer *fork*, não *force*: ele não muda nenhuma permissão. Você pode criar esses namespaces porque é root dentro da sandbox.',
        gl: 'O `-f` quere dicir *fork*, non *force*: non cambia ningún permiso. Podes crear estes espazos de nomes porque es root dentro da sandbox.',
      },
      c: {
        pt: 'O contêiner fica em primeiro plano, no Terminal A; o `unshare` só espera o filho terminar.',
        gl: 'O contedor queda en primeiro plano, no Terminal A; o `unshare` só agarda a que remate o fillo.',
      },
      d: {
        pt: 'Isso é o `--mount-proc` (que, com chroot, precisa de `=rootfs/proc`). O `-f` só cria o processo filho.',
        gl: 'Iso é o `--mount-proc` (que, con chroot, precisa `=rootfs/proc`). O `-f` só crea o proceso fillo.',
      },
    },
  },
  q3: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O `gaiola-init` continua sendo o PID 1 da sandbox. São dois namespaces de PID, cada um com o seu PID 1.',
        gl: 'O `gaiola-init` segue a ser o PID 1 da sandbox. Son dous espazos de nomes de PID, cada un co seu PID 1.',
      },
      b: {
        pt: 'Isso. O mesmo processo tem um número em cada namespace de PID em que aparece; a linha `NSpid` de `/proc/PID/status` mostra todos.',
        gl: 'Iso é. O mesmo proceso ten un número en cada espazo de nomes de PID no que aparece; a liña `NSpid` de `/proc/PID/status` amósaos todos.',
      },
      c: {
        pt: 'O número vale só dentro do namespace novo. Para o kernel, esse shell acabou de nascer, muito depois do boot.',
        gl: 'O número só vale dentro do espazo de nomes novo. Para o kernel, esa shell acaba de nacer, moito despois do arranque.',
      },
      d: {
        pt: 'O `$$` é o PID do shell no namespace dele. No chroot da lição 1, o mesmo `sh` do BusyBox mostraria um número comum.',
        gl: 'O `$$` é o PID da shell no seu espazo de nomes. No chroot da lección 1, o mesmo `sh` de BusyBox amosaría un número corrente.',
      },
    },
  },
  q4: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. O nome da máquina vive no namespace UTS; cada namespace tem o seu, e quem está fora continua vendo o da sandbox.',
        gl: 'Correcto. O nome da máquina vive no espazo de nomes UTS; cada un ten o seu, e quen está fóra segue a ver o da sandbox.',
      },
      b: {
        pt: 'Não há cache: o `hostname` pergunta ao kernel toda vez, e o kernel responde de acordo com o namespace UTS de quem pergunta.',
        gl: 'Non hai caché: `hostname` pregúntalle ao kernel cada vez, e o kernel responde segundo o espazo de nomes UTS de quen pregunta.',
      },
      c: {
        pt: 'O `hostname` pede a troca ao kernel (`sethostname`) e não mexe em arquivo nenhum. Sem `-u`, como no chroot da lição 1, ele renomearia a sandbox inteira.',
        gl: 'O `hostname` pídelle o cambio ao kernel (`sethostname`) e non toca ningún ficheiro. Sen `-u`, como no chroot da lección 1, renomearía a sandbox enteira.',
      },
      d: {
        pt: 'A troca vale na hora, como você viu no Terminal A, mas só dentro do namespace UTS do contêiner.',
        gl: 'O cambio vale ao momento, como viches no Terminal A, pero só dentro do espazo de nomes UTS do contedor.',
      },
    },
  },
  q5: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O `nsenter` só entra nos namespaces pedidos, e não troca a raiz se você não pedir. Com `-u`, é só o UTS.',
        gl: '`nsenter` só entra nos espazos de nomes pedidos, e non cambia a raíz se non llo pides. Con `-u`, só o UTS.',
      },
      b: {
        pt: 'Isso. O `nsenter` entra (com `setns`) só no namespace pedido; o `ps` e o `ls /` desse bash ainda mostram a sandbox.',
        gl: 'Iso é. `nsenter` entra (con `setns`) só no espazo de nomes pedido; o `ps` e o `ls /` dese bash aínda amosan a sandbox.',
      },
      c: {
        pt: 'O bash está de fato dentro do namespace UTS do contêiner: se você trocasse o hostname ali, o contêiner veria a troca.',
        gl: 'O bash está de verdade dentro do espazo de nomes UTS do contedor: se cambiases alí o hostname, o contedor vería o cambio.',
      },
      d: {
        pt: 'O PID 1 do contêiner continua sendo o `sh`. E, como só entramos no namespace UTS, esse bash nem está no namespace de PID do contêiner.',
        gl: 'O PID 1 do contedor segue a ser o `sh`. E, como só entramos no espazo de nomes UTS, ese bash nin sequera está no espazo de nomes de PID do contedor.',
      },
    },
  },
  q6: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. O número é o inode que identifica o namespace; o `user` é o mesmo porque não pedimos `-U`.',
        gl: 'Correcto. O número é o inodo que identifica o espazo de nomes; o `user` é o mesmo porque non pedimos `-U`.',
      },
      b: {
        pt: 'Os PIDs dos shells são outros, e diferentes em cada terminal. Esses números grandes identificam namespaces, e muitos processos compartilham o mesmo.',
        gl: 'Os PIDs das shells son outros, e distintos en cada terminal. Eses números grandes identifican espazos de nomes, e moitos procesos comparten o mesmo.',
      },
      c: {
        pt: 'O número de um namespace fica fixo enquanto ele existir; é isso que permite comparar.',
        gl: 'O número dun espazo de nomes non cambia mentres exista; iso é o que permite comparar.',
      },
      d: {
        pt: 'Ele existe, e a própria sandbox usa um: é por isso que você é root só lá dentro. O comando apenas não pediu um novo, com `-U`.',
        gl: 'Existe, e a propia sandbox usa un: por iso es root só alí dentro. A orde simplemente non pediu un novo, con `-U`.',
      },
    },
  },
});
