import { defineAnswers } from '../types';

// The answer key of lesson 11: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O kernel lê o PID escrito no `cgroup.procs` no namespace de PID de quem escreve. Lá dentro, 1 é o próprio bash, e é ele que iria para o grupo. Mas o `unshare`, que ficou do lado de fora, não iria junto.',
        gl: 'O kernel le o PID escrito no `cgroup.procs` no espazo de nomes de PID de quen escribe. Alí dentro, 1 é o propio bash, e é el o que iría ao grupo. Pero o `unshare`, que quedou fóra, non iría con el.',
      },
      b: {
        pt: 'Isso. Mover um processo não move os filhos que ele já tem. Entrando primeiro, toda a árvore do contêiner já nasce dentro dos 64 MiB e dos 32 processos. O runc faz igual: põe o processo do contêiner no grupo antes de rodar o programa dele.',
        gl: 'Iso é. Mover un proceso non move os fillos que xa ten. Entrando primeiro, toda a árbore do contedor nace xa dentro dos 64 MiB e dos 32 procesos. O runc fai igual: mete o proceso do contedor no grupo antes de executar o seu programa.',
      },
      c: {
        pt: 'Qualquer processo pode entrar num grupo, de qualquer namespace de PID: o Terminal B poderia mover o sh do contêiner pelo PID que ele tem na sandbox.',
        gl: 'Calquera proceso pode entrar nun grupo, desde calquera espazo de nomes de PID: o Terminal B podería mover o sh do contedor polo PID que ten na sandbox.',
      },
      d: {
        pt: 'Namespaces e cgroups não dependem uns dos outros: um limite vale para quem está no grupo, desde o momento em que entrou.',
        gl: 'Os espazos de nomes e os cgroups non dependen uns dos outros: un límite vale para quen está no grupo, desde o momento en que entrou.',
      },
    },
  },
  q2: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. O bind da lição 08 servia só para transformar uma pasta comum numa montagem. Um overlay montado já é uma, e é assim que os runtimes usam o `merged` de cada contêiner.',
        gl: 'Correcto. O bind da lección 08 só servía para converter un cartafol común nunha montaxe. Un overlay montado xa o é, e así usan os runtimes o `merged` de cada contedor.',
      },
      b: {
        pt: 'Não há exceção: a regra é a mesma para qualquer montagem. Um tmpfs ou um bind também serviriam.',
        gl: 'Non hai excepción: a regra é a mesma para calquera montaxe. Un tmpfs ou un bind tamén valerían.',
      },
      c: {
        pt: 'O `--make-rprivate` só muda a propagação. Na lição 08 ele também rodou, e sem o bind o `pivot_root` falhava do mesmo jeito.',
        gl: 'O `--make-rprivate` só cambia a propagación. Na lección 08 tamén se executou, e sen o bind o `pivot_root` fallaba igual.',
      },
      d: {
        pt: 'A nova raiz é o `.` do `pivot_root . .antiga`, e o shell estava em `/root/ctr/merged`. O `stat` do Terminal B mostra o mesmo par dispositivo:inode para a raiz do contêiner e para o `merged`.',
        gl: 'A nova raíz é o `.` do `pivot_root . .antiga`, e a shell estaba en `/root/ctr/merged`. O `stat` do Terminal B amosa o mesmo par dispositivo:inode para a raíz do contedor e para o `merged`.',
      },
    },
  },
  q3: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'O overlay nunca escreve no `lowerdir`: o que muda fica no `upperdir`. Uma imagem só ganha uma camada nova se alguém copiar o `upper` para um diretório próprio, como faz um `docker commit`.',
        gl: 'O overlay nunca escribe no `lowerdir`: o que cambia queda no `upperdir`. Unha imaxe só gaña unha capa nova se alguén copia o `upper` a un cartafol propio, como fai un `docker commit`.',
      },
      b: {
        pt: 'O `/root/ctr/upper` está dentro do tmpfs `/root/ctr`, na memória. Quando o tmpfs é desmontado, tudo o que estava nele some.',
        gl: 'O `/root/ctr/upper` está dentro do tmpfs `/root/ctr`, na memoria. Cando se desmonta o tmpfs, todo o que había nel desaparece.',
      },
      c: {
        pt: 'Isso. Antes do `umount`, `ls -R /root/ctr/upper` mostra tudo o que o contêiner escreveu, e só isso. Num `upper` em disco, o arquivo sobreviveria até alguém apagar a pasta, como faz o `docker rm`.',
        gl: 'Iso é. Antes do `umount`, `ls -R /root/ctr/upper` amosa todo o que escribiu o contedor, e só iso. Nun `upper` en disco, o ficheiro sobreviviría ata que alguén borrase o cartafol, como fai o `docker rm`.',
      },
      d: {
        pt: 'O namespace de montagem do contêiner morreu, mas o overlay continua montado no namespace da sandbox, onde o passo 1 o criou. Depois do `exit`, `cat /root/ctr/upper/tmp/nota` ainda funciona.',
        gl: 'O espazo de nomes de montaxe do contedor morreu, pero o overlay segue montado no espazo de nomes da sandbox, onde o creou o paso 1. Despois do `exit`, `cat /root/ctr/upper/tmp/nota` aínda funciona.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'Nenhum contêiner tem kernel próprio: é justamente o que o separa de uma máquina virtual (lição 01). O runc também usa o kernel do host.',
        gl: 'Ningún contedor ten kernel propio: é xusto o que o distingue dunha máquina virtual (lección 01). O runc tamén usa o kernel do host.',
      },
      b: {
        pt: 'O limite está lá: o grupo `ctr` tem 64 MiB, e o kernel o aplica sem runtime nenhum, como na lição 05. Um runtime só escreve nos mesmos arquivos.',
        gl: 'O límite está aí: o grupo `ctr` ten 64 MiB, e o kernel aplícao sen runtime ningún, como na lección 05. Un runtime só escribe nos mesmos ficheiros.',
      },
      c: {
        pt: 'A pilha é própria: o `-n` deu ao contêiner um namespace de rede, e o `eth0` vive nele. O veth é só o cabo entre as duas pilhas.',
        gl: 'A pila é propia: o `-n` deulle ao contedor un espazo de nomes de rede, e o `eth0` vive nel. O veth é só o cable entre as dúas pilas.',
      },
      d: {
        pt: 'Isso. O isolamento e os limites estão todos aí; falta endurecer o processo e arrumar a casa. Na próxima lição, o `config.json` do runc tem um campo para cada uma dessas coisas.',
        gl: 'Iso é. O illamento e os límites están todos aí; falta endurecer o proceso e recoller. Na seguinte lección, o `config.json` do runc ten un campo para cada unha destas cousas.',
      },
    },
  },
  q5: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo, como na lição 02. Sem `-f`, o bash ficaria fora do namespace novo, o primeiro comando dele viraria o PID 1 e, quando esse comando terminasse, o seguinte falharia com `Cannot allocate memory`.',
        gl: 'Correcto, coma na lección 02. Sen `-f`, o bash quedaría fóra do espazo de nomes novo, a súa primeira orde pasaría a ser o PID 1 e, cando esa orde rematase, a seguinte fallaría con `Cannot allocate memory`.',
      },
      b: {
        pt: 'O bash fica em primeiro plano, lendo o Terminal A, e o `unshare` espera por ele. O `-f` é de *fork*, não de fundo.',
        gl: 'O bash queda en primeiro plano, lendo o Terminal A, e o `unshare` agarda por el. O `-f` é de *fork*, non de fondo.',
      },
      c: {
        pt: 'Nenhuma opção passa por cima das permissões: sem as capabilities necessárias, o `unshare` falha com ou sem `-f`.',
        gl: 'Ningunha opción se salta os permisos: sen as capabilities necesarias, o `unshare` falla con ou sen `-f`.',
      },
      d: {
        pt: 'Isso o `unshare` do util-linux faz sozinho, com o `--propagation private` padrão, e o passo repete com `mount --make-rprivate /`. O `-f` trata do namespace de PID.',
        gl: 'Iso faino o `unshare` de util-linux só, co `--propagation private` por defecto, e o paso repíteo con `mount --make-rprivate /`. O `-f` ten que ver co espazo de nomes de PID.',
      },
    },
  },
});
