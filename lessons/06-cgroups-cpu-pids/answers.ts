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
  q6: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Um grupo não ganha mais do que o pai tem: a cota da sandbox continua valendo para tudo o que está embaixo dela. No v1, a escrita nem passa.',
        gl: 'Un grupo non gaña máis do que ten o pai: a cota da sandbox segue a valer para todo o que está debaixo dela. No v1, a escritura nin sequera pasa.',
      },
      b: {
        pt: 'Isso. O v1 exige que a cota de um filho caiba na do pai e recusa a escrita; o v2 guarda o número que você escreveu, mas o kernel aplica o menor dos dois. Fora da sandbox, num grupo sem pai limitado, 150000 por 100000 seria uma CPU e meia.',
        gl: 'Iso é. O v1 esixe que a cota dun fillo caiba na do pai e rexeita a escritura; o v2 garda o número que escribiches, pero o kernel aplica o menor dos dous. Fóra da sandbox, nun grupo sen pai limitado, 150000 por 100000 sería unha CPU e media.',
      },
      c: {
        pt: 'Uma cota pode passar do período: 200000 por 100000 são duas CPUs, e é o que o `docker run --cpus=2` escreve. O que barra os 150000 aqui é a cota do pai.',
        gl: 'Unha cota pode pasar do período: 200000 por 100000 son dúas CPU, e é o que escribe `docker run --cpus=2`. O que frea os 150000 aquí é a cota do pai.',
      },
      d: {
        pt: 'A cota é do grupo, não de cada processo; e um processo de uma thread só nunca usa mais de uma CPU de cada vez.',
        gl: 'A cota é do grupo, non de cada proceso; e un proceso dun só fío nunca usa máis dunha CPU de cada vez.',
      },
    },
  },
  q7: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Os pesos valem em toda CPU. A CPU 0 é só a escolhida para os dois laços se encontrarem.',
        gl: 'Os pesos valen en todas as CPU. A CPU 0 é só a escollida para que os dous bucles se atopen.',
      },
      b: {
        pt: 'Certo. Um peso só reparte o que é disputado; com duas CPUs livres, os dois laços rodariam a 100 % cada um. Presos à mesma CPU, ficam com dois terços e um terço.',
        gl: 'Correcto. Un peso só reparte o que se disputa; con dúas CPU libres, os dous bucles irían ao 100 % cada un. Suxeitos á mesma CPU, quedan con dous terzos e un terzo.',
      },
      c: {
        pt: 'Trocar de CPU não tira ninguém do grupo: o grupo é do processo, não da CPU em que ele roda.',
        gl: 'Cambiar de CPU non saca a ninguén do grupo: o grupo é do proceso, non da CPU na que se executa.',
      },
      d: {
        pt: 'O `ps` calcula o `pcpu` de qualquer processo: tempo de CPU dividido pelo tempo de vida.',
        gl: 'O `ps` calcula o `pcpu` de calquera proceso: tempo de CPU dividido polo tempo de vida.',
      },
    },
  },
});
