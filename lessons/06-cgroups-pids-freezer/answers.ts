import { defineAnswers } from '../types';

// The answer key of the PIDs, freezer and v2 rules lesson: only the agent imports this file.
export default defineAnswers({
  q3: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Aí a resposta seria outra: um controlador fora de `cgroup.controllers` dá `No such file or directory` (ENOENT). O pai precisa liberá-lo primeiro.',
        gl: 'Entón a resposta sería outra: un controlador que non está en `cgroup.controllers` dá `No such file or directory` (ENOENT). O pai ten que activalo primeiro.',
      },
      b: {
        pt: 'Ter filhos não atrapalha: é justamente para os filhos que o `subtree_control` liga o controlador.',
        gl: 'Ter fillos non estorba: é precisamente para os fillos que o `subtree_control` activa o controlador.',
      },
      c: {
        pt: 'Isso. É a regra de “nenhum processo interno” do v2: mova os processos de `app` para um filho (uma folha) e a escrita passa. É por isso que os shells desta sandbox moram em `/init`.',
        gl: 'Iso é. É a regra de “ningún proceso interno” do v2: move os procesos de `app` a un fillo (unha folla) e a escritura pasa. Por iso as shells desta sandbox viven en `/init`.',
      },
      d: {
        pt: 'Ler um arquivo de cgroup não trava ninguém. O EBUSY vem de uma regra sobre quem está dentro do grupo.',
        gl: 'Ler un ficheiro de cgroup non bloquea a ninguén. O EBUSY vén dunha regra sobre quen está dentro do grupo.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'O controlador pids não mata ninguém: quem já existe continua vivo. No passo, os 19 `sleep` seguiram ali até você matá-los.',
        gl: 'O controlador pids non mata a ninguén: o que xa existe segue vivo. No paso, os 19 `sleep` seguiron alí ata que os mataches.',
      },
      b: {
        pt: 'O `fork` dentro do limite é tão rápido quanto antes; acima dele, falha na hora.',
        gl: 'O `fork` dentro do límite é tan rápido coma antes; por riba del, falla ao momento.',
      },
      c: {
        pt: 'Nada morre ao bater no limite: só o próximo `fork` é recusado. Matar o grupo inteiro é o que o `cgroup.kill` faz, quando alguém pede.',
        gl: 'Nada morre ao chegar ao límite: só se rexeita o seguinte `fork`. Matar o grupo enteiro é o que fai `cgroup.kill`, cando alguén o pide.',
      },
      d: {
        pt: 'Certo. A bomba bate no teto e para de crescer; o resto da máquina continua podendo criar processos. Foi o `sh: 0: Cannot fork` e o `max 1` do passo.',
        gl: 'Correcto. A bomba chega ao teito e deixa de medrar; o resto da máquina segue a poder crear procesos. Foi o `sh: 0: Cannot fork` e o `max 1` do paso.',
      },
    },
  },
  q5: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Não é só atalho: a lista de `cgroup.procs` envelhece no instante em que você a lê. Se um processo do grupo fizer `fork` antes do `kill`, o filho fica de fora.',
        gl: 'Non é só un atallo: a lista de `cgroup.procs` queda vella no instante en que a les. Se un proceso do grupo fai `fork` antes do `kill`, o fillo queda fóra.',
      },
      b: {
        pt: 'Isso. O kernel marca o grupo e manda SIGKILL a cada membro, e quem nasce durante a operação também recebe. Contra uma fork bomb, a lista perde a corrida.',
        gl: 'Iso é. O kernel marca o grupo e manda SIGKILL a cada membro, e o que nace durante a operación tamén o recibe. Contra unha fork bomb, a lista perde a carreira.',
      },
      c: {
        pt: 'O `cgroup.kill` manda SIGKILL, que ninguém pode ignorar nem tratar. Se você quer dar tempo para os processos terminarem, mande SIGTERM antes, pela lista.',
        gl: '`cgroup.kill` manda SIGKILL, que ninguén pode ignorar nin tratar. Se queres dar tempo a que os procesos rematen, manda SIGTERM antes, pola lista.',
      },
      d: {
        pt: 'O grupo continua lá, vazio (`populated 0` em `cgroup.events`). Para apagá-lo, `rmdir`.',
        gl: 'O grupo segue alí, baleiro (`populated 0` en `cgroup.events`). Para borralo, `rmdir`.',
      },
    },
  },
  q6: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O SIGCONT solta quem parou por sinal. O freezer não mandou sinal nenhum: o processo continua congelado até alguém escrever no arquivo do grupo (`THAWED` no v1, 0 no `cgroup.freeze` do v2).',
        gl: 'O SIGCONT solta quen parou por un sinal. O freezer non mandou ningún sinal: o proceso segue conxelado ata que alguén escribe no ficheiro do grupo (`THAWED` no v1, 0 no `cgroup.freeze` do v2).',
      },
      b: {
        pt: 'Isso. Foi o que o `freezer.state` mostrou depois do `kill -CONT`: ainda `FROZEN`. Por isso o `docker pause` usa o freezer: ninguém de dentro do contêiner consegue se soltar.',
        gl: 'Iso é. Foi o que amosou o `freezer.state` despois do `kill -CONT`: aínda `FROZEN`. Por iso `docker pause` usa o freezer: ninguén de dentro do contedor se pode soltar.',
      },
      c: {
        pt: 'O `kill` dá certo: o sinal é entregue, só não tem efeito até o grupo ser descongelado. Um SIGKILL, no v2, mata mesmo um processo congelado.',
        gl: 'O `kill` funciona: o sinal entrégase, só que non ten efecto ata que se desconxela o grupo. Un SIGKILL, no v2, mata mesmo un proceso conxelado.',
      },
      d: {
        pt: 'O freezer não tem período: isso é a cota de CPU. Congelado, o processo fica parado até o grupo ser descongelado, por quanto tempo for.',
        gl: 'O freezer non ten período: iso é a cota de CPU. Conxelado, o proceso queda parado ata que se desconxela o grupo, o tempo que sexa.',
      },
    },
  },
  q7: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. O `ls -l` mostra o `pids.max` da sandbox como de `nobody`, o root do host visto do seu namespace de usuário; o diretório e o `cgroup.procs` são seus. Num grupo seu, `max` passa, mas não solta nada: o limite da sandbox, acima, continua valendo.',
        gl: 'Correcto. O `ls -l` amosa o `pids.max` da sandbox como de `nobody`, o root do host visto desde o teu espazo de nomes de usuario; o directorio e o `cgroup.procs` son teus. Nun grupo teu, `max` pasa, pero non solta nada: o límite da sandbox, por riba, segue a valer.',
      },
      b: {
        pt: 'Um limite pode mudar com o grupo cheio de processos: no passo da bomba, o `pids.max` foi escrito antes, mas poderia ter sido depois. A recusa vem do dono do arquivo.',
        gl: 'Un límite pode cambiar co grupo cheo de procesos: no paso da bomba, o `pids.max` escribiuse antes, pero podería ser despois. O rexeitamento vén do dono do ficheiro.',
      },
      c: {
        pt: 'O `pids.max` da sandbox é pequeno (algo como 256), longe do máximo do kernel. E a resposta a um valor grande demais seria `Invalid argument`, não `Permission denied`.',
        gl: 'O `pids.max` da sandbox é pequeno (algo como 256), lonxe do máximo do kernel. E a resposta a un valor grande de máis sería `Invalid argument`, non `Permission denied`.',
      },
      d: {
        pt: 'O `cat` mostra `max` no seu grupo: a escrita valeu. Ela só não solta nada, porque o limite do grupo de cima continua contando.',
        gl: 'O `cat` amosa `max` no teu grupo: a escritura valeu. Só que non solta nada, porque o límite do grupo de enriba segue a contar.',
      },
    },
  },
});
