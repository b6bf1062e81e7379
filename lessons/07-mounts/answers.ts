import { defineAnswers } from '../types';

// The answer key of lesson 07: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. A raiz antiga é uma montagem que vai para `put_old`, e a nova raiz vira a montagem raiz do namespace. Uma pasta comum é só um pedaço da montagem da sandbox; o bind sobre si mesma faz dela uma montagem própria.',
        gl: 'Iso é. A raíz antiga é unha montaxe que vai para `put_old`, e a nova raíz pasa a ser a montaxe raíz do espazo de nomes. Un cartafol común é só un anaco da montaxe da sandbox; o bind sobre si mesmo fai del unha montaxe propia.',
      },
      b: {
        pt: 'Qualquer montagem vale: nesta lição foi o bind de uma pasta, e um overlay, como os da lição 9, também serviria. Um tmpfs é só uma das opções.',
        gl: 'Calquera montaxe vale: nesta lección foi o bind dun cartafol, e un overlay, coma os da lección 9, tamén serviría. Un tmpfs é só unha das opcións.',
      },
      c: {
        pt: 'O rootfs continuou no mesmo disco, e o `pivot_root` funcionou. O que o kernel pede é uma montagem, não um dispositivo diferente.',
        gl: 'O rootfs seguiu no mesmo disco, e o `pivot_root` funcionou. O que pide o kernel é unha montaxe, non un dispositivo distinto.',
      },
      d: {
        pt: 'O `--make-rprivate` só muda a propagação e já tinha rodado antes. Sem o bind, `/root/rootfs` é uma pasta dentro da montagem da raiz atual, e o kernel recusa isso com `EINVAL`.',
        gl: 'O `--make-rprivate` só cambia a propagación e xa se executara antes. Sen o bind, `/root/rootfs` é un cartafol dentro da montaxe da raíz actual, e o kernel rexéitao con `EINVAL`.',
      },
    },
  },
  q2: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Dentro de um chroot, um link para `/` leva à raiz do próprio chroot: o kernel resolve os links a partir da raiz do processo.',
        gl: 'Dentro dun chroot, unha ligazón a `/` leva á raíz do propio chroot: o kernel resolve as ligazóns a partir da raíz do proceso.',
      },
      b: {
        pt: 'Certo. O `..` só para quando o diretório atual é a raiz do processo, e aqui ele está fora dela. Por isso a defesa é tirar a `CAP_SYS_CHROOT` ou não deixar nada acima da raiz, como faz o `pivot_root`.',
        gl: 'Correcto. O `..` só se detén cando o cartafol actual é a raíz do proceso, e aquí está fóra dela. Por iso a defensa é quitar a `CAP_SYS_CHROOT` ou non deixar nada enriba da raíz, como fai o `pivot_root`.',
      },
      c: {
        pt: 'Não há bug: é o comportamento documentado do `chroot`, que muda só a raiz e deixa o diretório atual onde estava. Funciona em qualquer kernel Linux, inclusive no desta sandbox (`uname -r` diz qual é).',
        gl: 'Non hai erro: é o comportamento documentado do `chroot`, que só cambia a raíz e deixa o cartafol actual onde estaba. Funciona en calquera kernel Linux, tamén no desta sandbox (`uname -r` di cal é).',
      },
      d: {
        pt: 'A raiz é herdada: um filho de um processo preso continua preso, com pai ou sem pai. A `escapa` não mata nada, ela troca a própria raiz duas vezes.',
        gl: 'A raíz hérdase: un fillo dun proceso preso segue preso, con pai ou sen el. A `escapa` non mata nada, cambia a súa propia raíz dúas veces.',
      },
    },
  },
  q3: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Propagação não é permissão: depois do `--make-rprivate`, `/` continua aceitando escrita. O que muda é se as montagens viajam entre namespaces.',
        gl: 'Propagación non é permiso: despois do `--make-rprivate`, `/` segue admitindo escritura. O que cambia é se as montaxes viaxan entre espazos de nomes.',
      },
      b: {
        pt: 'Isso. O `unshare` do util-linux já faz isso sozinho (é o `--propagation private` padrão), mas uma chamada `unshare(2)` ou `clone` de um programa em Go, C ou Python não faz.',
        gl: 'Iso é. O `unshare` de util-linux xa o fai só (é o `--propagation private` por defecto), pero unha chamada `unshare(2)` ou `clone` dun programa en Go, C ou Python non o fai.',
      },
      c: {
        pt: 'O namespace de PID vem do `-p` do `unshare`. O `mount --make-rprivate` mexe só nas montagens.',
        gl: 'O espazo de nomes de PID vén do `-p` do `unshare`. O `mount --make-rprivate` só toca as montaxes.',
      },
      d: {
        pt: 'As montagens do host continuam lá depois dele; quem as tira de vista é o `pivot_root` seguido do `umount -l` da raiz antiga.',
        gl: 'As montaxes do host seguen aí despois del; quen as quita da vista é o `pivot_root` seguido do `umount -l` da raíz antiga.',
      },
    },
  },
  q4: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Camadas de imagem são diretórios empilhados por um overlay, assunto da próxima lição. Um volume é montado por cima do rootfs, fora das camadas.',
        gl: 'As capas da imaxe son cartafoles empilados por un overlay, tema da seguinte lección. Un volume móntase enriba do rootfs, fóra das capas.',
      },
      b: {
        pt: 'Uma variável de ambiente leva um texto, não uma pasta. O `nota.txt` chegou ao rootfs por uma montagem.',
        gl: 'Unha variable de ambiente leva un texto, non un cartafol. O `nota.txt` chegou ao rootfs por unha montaxe.',
      },
      c: {
        pt: 'Certo. O runtime monta a pasta do host dentro do rootfs antes de trocar a raiz, e o `:ro` vira a opção `ro` da montagem.',
        gl: 'Correcto. O runtime monta o cartafol do host dentro do rootfs antes de cambiar a raíz, e o `:ro` convértese na opción `ro` da montaxe.',
      },
      d: {
        pt: 'Um bind não copia nada: os dois caminhos mostram os mesmos arquivos, e o que muda num aparece no outro na hora.',
        gl: 'Un bind non copia nada: os dous camiños amosan os mesmos ficheiros, e o que cambia nun aparece no outro no momento.',
      },
    },
  },
  q5: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'Depois do `pivot_root`, `readlink /proc/PID/root` imprime só `/`, e um `ls /` mostraria a sandbox. Para saber qual raiz é, compare identidades: `stat -L -c %d:%i /proc/PID/root/`.',
        gl: 'Despois do `pivot_root`, `readlink /proc/PID/root` imprime só `/`, e un `ls /` amosaría a sandbox. Para saber que raíz é, compara identidades: `stat -L -c %d:%i /proc/PID/root/`.',
      },
      b: {
        pt: 'O `nsenter` é um caminho, mas não o único: o `/proc/PID/root/` dá acesso direto, sem entrar em namespace nenhum.',
        gl: '`nsenter` é un camiño, pero non o único: `/proc/PID/root/` dá acceso directo, sen entrar en ningún espazo de nomes.',
      },
      c: {
        pt: 'A raiz continua acessível: o kernel a alcança pelo link do processo, mesmo que ela não tenha nome na árvore da sandbox.',
        gl: 'A raíz segue accesible: o kernel alcánzaa pola ligazón do proceso, aínda que non teña nome na árbore da sandbox.',
      },
      d: {
        pt: 'Isso. É também o que o `nsenter -r` usa para copiar a raiz do alvo. E, como o `readlink` engana, a identidade (`stat -L -c %d:%i`) diz qual raiz é.',
        gl: 'Iso é. É tamén o que usa `nsenter -r` para copiar a raíz do obxectivo. E, como o `readlink` engana, a identidade (`stat -L -c %d:%i`) di que raíz é.',
      },
    },
  },
});
