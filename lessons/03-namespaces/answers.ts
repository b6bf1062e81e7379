import { defineAnswers } from '../types';

// The answer key of lesson 03: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. Um faz namespaces, o outro visita namespaces prontos: o `docker run` é parente do primeiro, o `docker exec` do segundo.',
        gl: 'Iso é. Un fai espazos de nomes, o outro visita espazos de nomes xa feitos: `docker run` é parente do primeiro, `docker exec` do segundo.',
      },
      b: {
        pt: 'São programas diferentes, que usam chamadas de sistema diferentes: `unshare` (ou `clone`) cria, `setns` entra.',
        gl: 'Son programas distintos, que usan chamadas ao sistema distintas: `unshare` (ou `clone`) crea, `setns` entra.',
      },
      c: {
        pt: 'O `nsenter` nunca cria namespace nenhum: sem um processo alvo (`-t`) ou um arquivo de namespace, ele não tem onde entrar.',
        gl: '`nsenter` nunca crea ningún espazo de nomes: sen un proceso obxectivo (`-t`) ou un ficheiro de espazo de nomes, non ten onde entrar.',
      },
      d: {
        pt: 'Os dois tratam de todos os tipos. Nesta lição, o `unshare` criou namespaces de PID, UTS, tempo e cgroup, entre outros.',
        gl: 'Os dous tratan todos os tipos. Nesta lección, `unshare` creou espazos de nomes de PID, UTS, tempo e cgroup, entre outros.',
      },
    },
  },
  q2: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O rootfs tem o BusyBox inteiro, e o `ls /` do Terminal A mostra isso. O que mudou foi a raiz do processo que entrou.',
        gl: 'O rootfs ten o BusyBox enteiro, e o `ls /` do Terminal A amósao. O que cambiou foi a raíz do proceso que entrou.',
      },
      b: {
        pt: 'Certo. A raiz é um atributo de cada processo, como o diretório atual, que é o que o `-w` copia. O namespace de montagem guarda as montagens, não o chroot de quem está nele.',
        gl: 'Correcto. A raíz é un atributo de cada proceso, coma o cartafol actual, que é o que copia o `-w`. O espazo de nomes de montaxe garda as montaxes, non o chroot de quen está nel.',
      },
      c: {
        pt: 'O `-u` traz o hostname do contêiner, e só isso. Ele não tem nada a ver com os arquivos que você enxerga.',
        gl: 'O `-u` trae o hostname do contedor, e só iso. Non ten nada que ver cos ficheiros que ves.',
      },
      d: {
        pt: 'O `-m` funcionou: você está no namespace de montagem do contêiner, e `findmnt` lá mostra o proc dele. Só a raiz ficou a da sandbox.',
        gl: 'O `-m` funcionou: estás no espazo de nomes de montaxe do contedor, e `findmnt` alí amosa o seu proc. Só a raíz quedou a da sandbox.',
      },
    },
  },
  q3: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'O pai aparece na linha `PPid`. A `NSpid` fala só do próprio processo.',
        gl: 'O pai aparece na liña `PPid`. A `NSpid` fala só do propio proceso.',
      },
      b: {
        pt: 'O número do namespace é o inode de `/proc/PID/ns/pid`, bem maior, na casa dos 4026531836. Os dois números da `NSpid` são PIDs.',
        gl: 'O número do espazo de nomes é o inodo de `/proc/PID/ns/pid`, moito máis grande, arredor de 4026531836. Os dous números da `NSpid` son PIDs.',
      },
      c: {
        pt: 'Isso. Os namespaces de PID se aninham, e um processo tem um número em cada nível, do namespace do /proc que você lê até o dele.',
        gl: 'Iso é. Os espazos de nomes de PID anínhanse, e un proceso ten un número en cada nivel, desde o espazo de nomes do /proc que les ata o seu.',
      },
      d: {
        pt: 'Essas contagens ficam em outros lugares (`lsns` mostra NPROCS, e `Threads:` aparece no mesmo `status`). `NSpid` lista PIDs.',
        gl: 'Esas contas están noutros sitios (`lsns` amosa NPROCS, e `Threads:` aparece no mesmo `status`). `NSpid` lista PIDs.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'É o caso mais comum, mas não o único: uma referência ao arquivo do namespace basta para o kernel mantê-lo.',
        gl: 'É o caso máis habitual, pero non o único: unha referencia ao ficheiro do espazo de nomes abonda para que o kernel o manteña.',
      },
      b: {
        pt: 'Cgroups e namespaces são mecanismos separados: apagar ou manter um cgroup não afeta os namespaces.',
        gl: 'Os cgroups e os espazos de nomes son mecanismos separados: borrar ou manter un cgroup non afecta aos espazos de nomes.',
      },
      c: {
        pt: 'O `lsns` só lê os links de `/proc/PID/ns`; quando não há processo, também não há link para ler.',
        gl: '`lsns` só le as ligazóns de `/proc/PID/ns`; cando non hai proceso, tampouco hai ligazón que ler.',
      },
      d: {
        pt: 'Certo. É assim que o `ip netns add` cria uma rede sem processo nenhum dentro, e que o `nsenter --net=/run/netns/NOME` entra depois nela.',
        gl: 'Correcto. Así é como `ip netns add` crea unha rede sen ningún proceso dentro, e como `nsenter --net=/run/netns/NOME` entra despois nela.',
      },
    },
  },
  q5: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Essa opção não existe: o relógio de parede não pode ser deslocado por um namespace de tempo.',
        gl: 'Esa opción non existe: un espazo de nomes de tempo non pode desprazar o reloxo de parede.',
      },
      b: {
        pt: 'Isso. O uso típico é migrar um contêiner para outra máquina sem que os relógios que contam desde o boot andem para trás.',
        gl: 'Iso é. O uso típico é migrar un contedor a outra máquina sen que os reloxos que contan desde o arranque vaian cara atrás.',
      },
      c: {
        pt: 'O `date` pergunta a hora ao kernel (o relógio `CLOCK_REALTIME`), não ao hardware. Ele só não muda porque esse relógio não é virtualizado.',
        gl: '`date` pregúntalle a hora ao kernel (o reloxo `CLOCK_REALTIME`), non ao hardware. Só non cambia porque ese reloxo non está virtualizado.',
      },
      d: {
        pt: 'É em segundos: 315360000 segundos são dez anos, e o `uptime` mostrou isso. A data ficou igual por outro motivo.',
        gl: 'Vai en segundos: 315360000 segundos son dez anos, e `uptime` amosouno. A data quedou igual por outro motivo.',
      },
    },
  },
  q6: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. O processo continua no mesmo cgroup, com os mesmos limites; ele só deixa de ver em que lugar da árvore esse cgroup está.',
        gl: 'Correcto. O proceso segue no mesmo cgroup, cos mesmos límites; só deixa de ver en que lugar da árbore está ese cgroup.',
      },
      b: {
        pt: 'Ninguém o moveu: vistos de fora, os caminhos dele são os mesmos de antes. Só o ponto de vista dele mudou.',
        gl: 'Ninguén o moveu: vistas desde fóra, as súas rutas son as mesmas ca antes. Só cambiou o seu punto de vista.',
      },
      c: {
        pt: 'Um namespace não mexe em limites. Se isso fosse possível, qualquer contêiner escaparia dos seus limites com um `unshare -C`.',
        gl: 'Un espazo de nomes non toca os límites. Se iso fose posible, calquera contedor escaparía dos seus límites cun `unshare -C`.',
      },
      d: {
        pt: 'A versão dos cgroups é da máquina inteira. O formato das linhas (`4:memory:/` no v1, `0::/` no v2) continua o mesmo de antes.',
        gl: 'A versión dos cgroups é da máquina enteira. O formato das liñas (`4:memory:/` no v1, `0::/` no v2) segue a ser o mesmo ca antes.',
      },
    },
  },
});
