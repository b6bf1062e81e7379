import { defineAnswers } from '../types';

// The answer key of lesson 06: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'A cota não é de cada processo: é do grupo. Os dois juntos gastam no máximo 25 ms a cada 100 ms, então cada um fica com mais ou menos a metade disso.',
        gl: 'A cota non é de cada proceso: é do grupo. Os dous xuntos gastan como moito 25 ms de cada 100 ms, así que cada un queda con máis ou menos a metade.',
      },
      b: {
        pt: 'Isso. O kernel soma o tempo de todos os processos do grupo em cada período e freia o grupo inteiro quando a soma passa de 25 ms. É assim que o `docker run --cpus=0.25` limita um contêiner com muitos processos.',
        gl: 'Iso é. O kernel suma o tempo de todos os procesos do grupo en cada período e frea o grupo enteiro cando a suma pasa de 25 ms. Así limita `docker run --cpus=0.25` un contedor con moitos procesos.',
      },
      c: {
        pt: 'O período é de 100 ms, e o kernel conta o tempo dentro dele sem dificuldade: no passo da cota, o `nr_throttled` subia a cada período.',
        gl: 'O período é de 100 ms, e o kernel conta o tempo dentro del sen problema: no paso da cota, o `nr_throttled` subía en cada período.',
      },
      d: {
        pt: 'O escalonador reveza os dois dentro da cota do grupo; nenhum espera o outro terminar.',
        gl: 'O planificador alterna os dous dentro da cota do grupo; ningún agarda a que remate o outro.',
      },
    },
  },
  q2: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. Peso é uma proporção entre quem disputa a mesma CPU; sozinho, o laço de `baixo` usa tudo o que estiver livre. Para um teto, mesmo com a CPU ociosa, é preciso uma cota.',
        gl: 'Correcto. O peso é unha proporción entre quen disputa a mesma CPU; só, o bucle de `baixo` usa todo o que estea libre. Para un teito, aínda coa CPU ociosa, cómpre unha cota.',
      },
      b: {
        pt: 'Um terço é o que ele recebe quando o laço de `alto` também roda na mesma CPU. Um peso nunca deixa CPU ociosa: isso seria uma cota.',
        gl: 'Un terzo é o que recibe cando o bucle de `alto` tamén se executa na mesma CPU. Un peso nunca deixa a CPU ociosa: iso sería unha cota.',
      },
      c: {
        pt: 'O peso não é uma fração de 10000: ele só vale comparado ao peso de quem disputa a mesma CPU. 100 é o padrão de todo grupo.',
        gl: 'O peso non é unha fracción de 10000: só vale comparado co peso de quen disputa a mesma CPU. 100 é o valor por defecto de todo grupo.',
      },
      d: {
        pt: 'Um peso maior não reserva CPU para quem não a está usando. Enquanto `alto` está parado, `baixo` não tem com quem dividir.',
        gl: 'Un peso maior non reserva CPU para quen non a está a usar. Mentres `alto` está parado, `baixo` non ten con quen repartir.',
      },
    },
  },
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
});
