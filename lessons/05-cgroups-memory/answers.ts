import { defineAnswers } from '../types';

// The answer key of lesson 05: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O `memory.high` também existe no v2, mas é um freio: acima dele o kernel desacelera o grupo e recupera memória, sem nunca chamar o OOM killer. O teto duro é outro arquivo.',
        gl: 'O `memory.high` tamén existe no v2, pero é un freo: por riba del o kernel fai ir máis amodo o grupo e recupera memoria, sen chamar nunca o OOM killer. O teito duro é outro ficheiro.',
      },
      b: {
        pt: 'Isso. O `memory.max` é o limite duro: se o grupo chega nele e o kernel não consegue liberar nada, o OOM killer age dentro do grupo.',
        gl: 'Iso é. O `memory.max` é o límite duro: se o grupo chega a el e o kernel non consegue liberar nada, o OOM killer actúa dentro do grupo.',
      },
      c: {
        pt: 'Não existe arquivo com esse nome. O v2 usa nomes curtos terminados em `.max`, `.high`, `.current`.',
        gl: 'Non existe ningún ficheiro con ese nome. O v2 usa nomes curtos rematados en `.max`, `.high`, `.current`.',
      },
      d: {
        pt: 'O `memory.current` é o consumo, o par do `memory.usage_in_bytes` do v1, e só pode ser lido.',
        gl: 'O `memory.current` é o consumo, a parella do `memory.usage_in_bytes` do v1, e só se pode ler.',
      },
    },
  },
  q2: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. Foi o que o `tail /dev/zero` mostrou: ele morreu, o bash que o lançou continuou vivo, e o contador do grupo registrou a morte.',
        gl: 'Correcto. Foi o que amosou o `tail /dev/zero`: morreu, o bash que o lanzou seguiu vivo, e o contador do grupo rexistrou a morte.',
      },
      b: {
        pt: 'Quando o limite estourado é o de um grupo, o OOM killer procura a vítima só entre os processos desse grupo e dos grupos abaixo dele. O resto da máquina fica de fora.',
        gl: 'Cando o límite superado é o dun grupo, o OOM killer busca a vítima só entre os procesos dese grupo e dos grupos de debaixo. O resto da máquina queda fóra.',
      },
      c: {
        pt: 'O Linux promete memória a mais: o `malloc` costuma dar certo, e a memória só é cobrada do grupo quando o programa escreve nas páginas. É nesse momento, e não no `malloc`, que o limite pega.',
        gl: 'Linux promete memoria de máis: o `malloc` adoita funcionar, e a memoria só se lle cobra ao grupo cando o programa escribe nas páxinas. É nese momento, e non no `malloc`, cando actúa o límite.',
      },
      d: {
        pt: 'Se a máquina tiver swap, o kernel pode mandar parte da memória do grupo para lá antes de matar alguém, mas isso também tem limite (`memory.swap.max` no v2, `memory.memsw.limit_in_bytes` no v1).',
        gl: 'Se a máquina ten swap, o kernel pode mandar alí parte da memoria do grupo antes de matar a ninguén, pero iso tamén ten límite (`memory.swap.max` no v2, `memory.memsw.limit_in_bytes` no v1).',
      },
    },
  },
  q3: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Com processos de uma thread só, as listas coincidem. Com um processo de várias threads, o `tasks` mostra um número por thread e o `cgroup.procs` mostra um número só.',
        gl: 'Con procesos dun só fío, as listas coinciden. Cun proceso de varios fíos, `tasks` amosa un número por fío e `cgroup.procs` amosa un só número.',
      },
      b: {
        pt: 'É o contrário: o `tasks` é do v1, e o v2 o eliminou. No v2 fica o `cgroup.procs` (e o `cgroup.threads`, para o modo de threads).',
        gl: 'É ao revés: `tasks` é do v1, e o v2 eliminouno. No v2 queda o `cgroup.procs` (e o `cgroup.threads`, para o modo de fíos).',
      },
      c: {
        pt: 'Isso. No v1 dava para espalhar as threads de um processo por grupos diferentes; o v2 acabou com isso, e um processo fica inteiro num grupo.',
        gl: 'Iso é. No v1 podían repartirse os fíos dun proceso por grupos distintos; o v2 acabou con iso, e un proceso queda enteiro nun grupo.',
      },
      d: {
        pt: 'Os dois aceitam escrita. Foi no `cgroup.procs` que você escreveu o `$$` para pôr o shell no grupo.',
        gl: 'Os dous admiten escritura. Foi no `cgroup.procs` onde escribiches o `$$` para meter a shell no grupo.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'O `rm -r` tenta apagar cada arquivo de controle, e o kernel recusa todos (“Operation not permitted”); o grupo continua lá. Esses arquivos somem sozinhos quando o diretório é removido.',
        gl: 'O `rm -r` tenta borrar cada ficheiro de control, e o kernel rexeítaos todos (“Operation not permitted”); o grupo segue alí. Eses ficheiros desaparecen sós cando se elimina o cartafol.',
      },
      b: {
        pt: 'Escrever no `cgroup.procs` põe um processo dentro do grupo, e o `0` quer dizer “eu mesmo”: o shell que escreve entra em `demo`. Nada é apagado.',
        gl: 'Escribir no `cgroup.procs` mete un proceso dentro do grupo, e o `0` quere dicir “eu mesmo”: a shell que escribe entra en `demo`. Non se borra nada.',
      },
      c: {
        pt: 'Um grupo é um diretório, não um ponto de montagem. O `umount` serviria para desmontar a árvore inteira, não para apagar um grupo.',
        gl: 'Un grupo é un cartafol, non un punto de montaxe. O `umount` serviría para desmontar a árbore enteira, non para borrar un grupo.',
      },
      d: {
        pt: 'Certo. O grupo precisa estar vazio: tire os processos (escrevendo os PIDs deles no `cgroup.procs` de outro grupo) e depois `rmdir`.',
        gl: 'Correcto. O grupo ten que estar baleiro: saca os procesos (escribindo os seus PIDs no `cgroup.procs` doutro grupo) e despois `rmdir`.',
      },
    },
  },
  q5: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'A diferença não é fixa: depende do valor escrito. Ela é o resto da divisão por 4096, o tamanho de uma página.',
        gl: 'A diferenza non é fixa: depende do valor escrito. É o resto da división por 4096, o tamaño dunha páxina.',
      },
      b: {
        pt: 'O limite do grupo pai não muda o número escrito no filho. Ele só pesa quando o consumo chega lá: o filho nunca usa mais do que o pai deixa.',
        gl: 'O límite do grupo pai non cambia o número escrito no fillo. Só pesa cando o consumo chega a el: o fillo nunca usa máis do que o pai deixa.',
      },
      c: {
        pt: 'Isso. 100000000 dividido por 4096 dá 24414 e um pouco; o kernel fica com as 24414 páginas inteiras. Com `100M`, que é múltiplo de 4096, nada muda.',
        gl: 'Iso é. 100000000 entre 4096 dá 24414 e un pouco; o kernel queda coas 24414 páxinas enteiras. Con `100M`, que é múltiplo de 4096, nada cambia.',
      },
      d: {
        pt: 'O kernel não converte para MiB: ele aceita o número em bytes, ou com sufixo (`K`, `M`, `G`), e o converte em páginas.',
        gl: 'O kernel non converte a MiB: acepta o número en bytes, ou con sufixo (`K`, `M`, `G`), e convérteo en páxinas.',
      },
    },
  },
});
