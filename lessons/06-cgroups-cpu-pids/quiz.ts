import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Um grupo tem cota de 25000 µs por período de 100000 µs (`cpu.max` = `25000 100000` no v2, `cpu.cfs_quota_us` = 25000 no v1) e dois processos ocupados dentro. Quanto de CPU cada um recebe?',
      gl: 'Un grupo ten unha cota de 25000 µs por período de 100000 µs (`cpu.max` = `25000 100000` no v2, `cpu.cfs_quota_us` = 25000 no v1) e dous procesos ocupados dentro. Canta CPU recibe cada un?',
    },
    options: [
      { id: 'a', text: { pt: 'Uns 25 % cada um.', gl: 'Arredor do 25 % cada un.' } },
      {
        id: 'b',
        text: {
          pt: 'Uns 12,5 % cada um: a cota é do grupo, e os dois a dividem.',
          gl: 'Arredor do 12,5 % cada un: a cota é do grupo, e os dous repártena.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Uma CPU inteira cada um, porque o período é longo demais para o kernel medir.',
          gl: 'Unha CPU enteira cada un, porque o período é longo de máis para que o kernel o mida.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O primeiro recebe 25 %; o segundo fica parado até o primeiro terminar.',
          gl: 'O primeiro recibe o 25 %; o segundo queda parado ata que remate o primeiro.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'O grupo `baixo` tem peso 100 (`cpu.weight`; 1024 em `cpu.shares`) e um laço ocupado. O grupo `alto`, de peso 200, está com o laço parado. Quanto de CPU o laço de `baixo` consegue?',
      gl: 'O grupo `baixo` ten peso 100 (`cpu.weight`; 1024 en `cpu.shares`) e un bucle ocupado. O grupo `alto`, de peso 200, ten o bucle parado. Canta CPU consegue o bucle de `baixo`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'A CPU inteira: um peso só conta quando há disputa, e ninguém está disputando com ele.',
          gl: 'A CPU enteira: un peso só conta cando hai disputa, e ninguén lla está a disputar.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um terço da CPU, sempre: 100 contra 200 dá a `baixo` uma fatia fixa, e o resto fica ocioso.',
          gl: 'Un terzo da CPU, sempre: 100 contra 200 dálle a `baixo` unha porción fixa, e o resto queda ocioso.',
        },
      },
      {
        id: 'c',
        text: {
          pt: '1 % da CPU, porque o peso é uma fração do máximo do `cpu.weight`, que é 10000.',
          gl: 'O 1 % da CPU, porque o peso é unha fracción do máximo de `cpu.weight`, que é 10000.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Nada até `alto` voltar a trabalhar: o peso maior reserva a CPU para ele mesmo quando está parado.',
          gl: 'Nada ata que `alto` volva traballar: o peso maior resérvalle a CPU mesmo cando está parado.',
        },
      },
    ],
  },
  {
    id: 'q6',
    prompt: {
      pt: 'Esta sandbox tem direito a uma CPU (cota de 100000 a cada 100000). Num grupo seu, você escreve uma cota de 150000 para o mesmo período (`cpu.cfs_quota_us` no v1, `cpu.max` no v2). O que acontece?',
      gl: 'Esta sandbox ten dereito a unha CPU (cota de 100000 en cada 100000). Nun grupo teu, escribes unha cota de 150000 para o mesmo período (`cpu.cfs_quota_us` no v1, `cpu.max` no v2). Que pasa?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O grupo ganha uma CPU e meia, e a sandbox inteira passa a ter meia CPU a mais.',
          gl: 'O grupo gaña unha CPU e media, e a sandbox enteira pasa a ter media CPU máis.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O v1 recusa (`Invalid argument`); o v2 aceita, mas vale a cota menor, a do pai.',
          gl: 'O v1 rexeita (`Invalid argument`); o v2 acepta, pero vale a cota menor, a do pai.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O kernel aceita e corta a cota para 100000, porque nenhuma cota pode passar do período.',
          gl: 'O kernel acepta e recorta a cota a 100000, porque ningunha cota pode pasar do período.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O kernel aceita, e cada processo do grupo passa a poder usar uma CPU e meia sozinho.',
          gl: 'O kernel acepta, e cada proceso do grupo pasa a poder usar unha CPU e media el só.',
        },
      },
    ],
  },
  {
    id: 'q7',
    prompt: {
      pt: 'Por que os dois laços do passo dos pesos rodam com `taskset -c 0`?',
      gl: 'Por que os dous bucles do paso dos pesos se executan con `taskset -c 0`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Porque o `cpu.weight` e o `cpu.shares` só valem na CPU 0; nas outras CPUs, o escalonador ignora os pesos.',
          gl: 'Porque o `cpu.weight` e o `cpu.shares` só valen na CPU 0; nas outras CPU, o planificador ignora os pesos.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Para os dois disputarem uma CPU: soltos, cada um teria uma CPU só para si, e o peso não decidiria nada.',
          gl: 'Para que os dous disputen unha CPU: soltos, cada un tería unha CPU para el só, e o peso non decidiría nada.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Porque sem o `taskset` um laço sai do grupo quando o escalonador o leva para outra CPU, e o passo não fecha.',
          gl: 'Porque sen o `taskset` un bucle sae do grupo cando o planificador o leva a outra CPU, e o paso non se completa.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Para o `ps` conseguir medir o `pcpu`, que ele só calcula para processos presos a uma CPU.',
          gl: 'Para que o `ps` poida medir o `pcpu`, que só calcula para procesos suxeitos a unha CPU.',
        },
      },
    ],
  },
]);
