import { defineAnswers } from '../types';

// The answer key of lesson 15: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. O kernel pergunta por CAP_MKNOD no namespace de usuário inicial, que só o root do host tem. Por isso o runtime sem root monta com bind os dispositivos que já existem.',
        gl: 'Iso é. O kernel pregunta por CAP_MKNOD no espazo de nomes de usuario inicial, que só ten o root do host. Por iso o runtime sen root monta con bind os dispositivos que xa existen.',
      },
      b: {
        pt: 'O `nodev` impede abrir um dispositivo, não criá-lo, e o tmpfs do passo nem tem `nodev`. O `mknod` é recusado antes: falta CAP_MKNOD no namespace de usuário inicial.',
        gl: 'O `nodev` impide abrir un dispositivo, non crealo, e o tmpfs do paso nin sequera ten `nodev`. O `mknod` rexéitase antes: falta CAP_MKNOD no espazo de nomes de usuario inicial.',
      },
      c: {
        pt: 'Nesta sandbox o controlador `devices` não recusa nada (no v1, `devices.list` diz `a *:* rwm`). Quem recusa é o namespace de usuário: falta CAP_MKNOD no inicial.',
        gl: 'Nesta sandbox o controlador `devices` non rexeita nada (no v1, `devices.list` di `a *:* rwm`). Quen rexeita é o espazo de nomes de usuario: falta CAP_MKNOD no inicial.',
      },
      d: {
        pt: 'Pode haver quantos arquivos de dispositivo se quiser para o mesmo número. No host, root cria outro 1:3 sem problema; aqui falta CAP_MKNOD no namespace de usuário inicial.',
        gl: 'Pode haber tantos ficheiros de dispositivo como se queira para o mesmo número. No host, root crea outro 1:3 sen problema; aquí falta CAP_MKNOD no espazo de nomes de usuario inicial.',
      },
    },
  },
  q2: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O `newinstance` faz o contrário: um devpts novo não mostra os terminais de outra instância, e o `ls /dev/pts` do contêiner mostra só o `ptmx`.',
        gl: 'O `newinstance` fai o contrario: un devpts novo non amosa os terminais doutra instancia, e o `ls /dev/pts` do contedor amosa só o `ptmx`.',
      },
      b: {
        pt: 'Certo. Abrir o `ptmx` é como se pede um par de terminal novo, e o link `/dev/ptmx` → `pts/ptmx` leva os programas até ele.',
        gl: 'Correcto. Abrir o `ptmx` é o xeito de pedir un par de terminal novo, e a ligazón `/dev/ptmx` → `pts/ptmx` leva os programas ata el.',
      },
      c: {
        pt: 'O devpts pode ser montado num namespace de usuário com ou sem essa opção. Sem ela, ele monta, mas o `ptmx` fica com 000.',
        gl: 'O devpts pódese montar nun espazo de nomes de usuario con esa opción ou sen ela. Sen ela, monta, pero o `ptmx` queda con 000.',
      },
      d: {
        pt: '0666 é um modo de permissão (leitura e escrita para todos), não uma quantidade. Os terminais nascem um a um, quando alguém abre o `ptmx`.',
        gl: '0666 é un modo de permiso (lectura e escritura para todos), non unha cantidade. Os terminais nacen un a un, cando alguén abre o `ptmx`.',
      },
    },
  },
  q3: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O `sleep 1` terminou de verdade: não roda, não usa memória. O que sobra é a entrada dele na tabela de processos, à espera do `wait` do pai.',
        gl: 'O `sleep 1` rematou de verdade: non se executa, non usa memoria. O que queda é a súa entrada na táboa de procesos, á espera do `wait` do pai.',
      },
      b: {
        pt: 'Exato. Um zumbi é só o status de saída esperando o pai. O `exec` trocou o shell, que esperaria, pelo `sleep`, que não espera.',
        gl: 'Exacto. Un zombi é só o estado de saída á espera do pai. O `exec` cambiou a shell, que agardaría, polo `sleep`, que non agarda.',
      },
      c: {
        pt: 'O proc não é uma cópia: cada leitura pergunta ao kernel. E o Terminal B, com o /proc da sandbox, vê o mesmo `Z`.',
        gl: 'O proc non é unha copia: cada lectura pregúntalle ao kernel. E o Terminal B, co /proc da sandbox, ve o mesmo `Z`.',
      },
      d: {
        pt: 'O SIGCHLD chega ao `sleep 600`, que o ignora, como faz por padrão. Mesmo quem o trata precisa ainda chamar `wait`.',
        gl: 'O SIGCHLD chégalle ao `sleep 600`, que o ignora, como fai por defecto. Mesmo quen o trata aínda ten que chamar a `wait`.',
      },
    },
  },
  q4: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'O Docker não põe systemd em lugar nenhum; o `--init` põe um programa pequeno, de um arquivo de C só, o tini (`docker-init`).',
        gl: 'Docker non pon systemd en ningures; o `--init` pon un programa pequeno, dun só ficheiro de C, o tini (`docker-init`).',
      },
      b: {
        pt: 'O daemon fica fora do contêiner. O `--init` põe lá dentro, como PID 1, o tini, que roda o seu programa como filho.',
        gl: 'O daemon queda fóra do contedor. O `--init` pon alí dentro, como PID 1, o tini, que executa o teu programa como fillo.',
      },
      c: {
        pt: 'Isso. Um programa comum como PID 1 ignora o SIGTERM sem tratador e não recolhe órfãos; o tini faz as duas coisas por ele.',
        gl: 'Iso é. Un programa corrente como PID 1 ignora o SIGTERM sen manexador e non recolle orfos; o tini fai as dúas cousas por el.',
      },
      d: {
        pt: 'Isso é o que acontece sem `--init`, e é justamente o problema: o seu programa vira o PID 1 e herda os deveres dele.',
        gl: 'Iso é o que pasa sen `--init`, e é xusto o problema: o teu programa pasa a ser o PID 1 e herda os seus deberes.',
      },
    },
  },
  q5: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'Nada é copiado: `/proc/self/exe` é só um link para o binário que o processo está rodando, e o `exec` o roda de novo.',
        gl: 'Non se copia nada: `/proc/self/exe` é só unha ligazón ao binario que o proceso está a executar, e o `exec` execútao de novo.',
      },
      b: {
        pt: 'O kernel não dá init nenhum: o PID 1 de um namespace novo é quem o criador puser lá. `/proc/self/exe` aponta para o binário de quem lê o link.',
        gl: 'O kernel non dá ningún init: o PID 1 dun espazo de nomes novo é quen poña alí o creador. `/proc/self/exe` apunta ao binario de quen le a ligazón.',
      },
      c: {
        pt: 'É o contrário: o filho nasce já dentro dos namespaces novos e faz lá dentro o que o `unshare` e o `chroot` fizeram à mão.',
        gl: 'É o contrario: o fillo nace xa dentro dos espazos de nomes novos e fai alí dentro o que fixeron á man `unshare` e `chroot`.',
      },
      d: {
        pt: 'Certo. O Go não consegue rodar código entre um fork e um exec, então o programa se executa de novo, e o runc faz igual com `runc init`.',
        gl: 'Correcto. Go non pode executar código entre un fork e un exec, así que o programa execútase de novo, e runc fai o mesmo con `runc init`.',
      },
    },
  },
});
