import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Por que o shell do Terminal A entra no grupo `ctr` antes do `unshare`, e não depois?',
      gl: 'Por que a shell do Terminal A entra no grupo `ctr` antes do `unshare`, e non despois?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Depois do `unshare -p`, o `$$` vale 1, e o `echo $$` moveria o PID 1 da sandbox, o init dela, para o grupo `ctr`.',
          gl: 'Despois do `unshare -p`, o `$$` vale 1, e o `echo $$` movería o PID 1 da sandbox, o seu init, ao grupo `ctr`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um processo nasce no grupo do pai: com o shell já dentro, `unshare`, bash e sh nascem limitados; depois, seria preciso mover um por um.',
          gl: 'Un proceso nace no grupo do pai: coa shell xa dentro, `unshare`, bash e sh nacen limitados; despois, habería que movelos un a un.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Um cgroup só aceita processos do namespace de PID inicial, e depois do `unshare -p` o shell já estaria em outro.',
          gl: 'Un cgroup só admite procesos do espazo de nomes de PID inicial, e despois do `unshare -p` a shell xa estaría noutro.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Os limites só valem para processos que entraram no grupo antes de criarem namespaces: quem já tem namespaces próprios escapa da contagem.',
          gl: 'Os límites só valen para procesos que entraron no grupo antes de crear espazos de nomes: quen xa ten espazos propios escapa da conta.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Na lição 08, o `pivot_root` precisou de um `mount --bind /root/rootfs /root/rootfs` antes. Aqui ele aceitou o `merged` direto. Por quê?',
      gl: 'Na lección 08, o `pivot_root` precisou antes dun `mount --bind /root/rootfs /root/rootfs`. Aquí aceptou o `merged` directamente. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O `merged` já é um ponto de montagem, o do overlay, e o `pivot_root` só pede uma montagem, de qualquer tipo.',
          gl: 'O `merged` xa é un punto de montaxe, o do overlay, e o `pivot_root` só pide unha montaxe, de calquera tipo.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O `pivot_root` tem uma exceção para overlays: ele aceita um `merged` como raiz mesmo sem ser ponto de montagem.',
          gl: 'O `pivot_root` ten unha excepción para os overlays: acepta un `merged` como raíz aínda que non sexa punto de montaxe.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `mount --make-rprivate /`, que roda antes, faz o papel do bind e deixa a pasta pronta para o `pivot_root`.',
          gl: 'O `mount --make-rprivate /`, que se executa antes, fai o papel do bind e deixa o cartafol listo para o `pivot_root`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'A nova raiz é o tmpfs `/root/ctr`, e o `merged` é só uma pasta dentro dele.',
          gl: 'A nova raíz é o tmpfs `/root/ctr`, e o `merged` é só un cartafol dentro del.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'O contêiner escreveu `/tmp/nota`. O que acontece com esse arquivo no `umount /root/ctr/merged /root/ctr` da limpeza?',
      gl: 'O contedor escribiu `/tmp/nota`. Que lle pasa a ese ficheiro no `umount /root/ctr/merged /root/ctr` da limpeza?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O overlay grava as mudanças no `/root/rootfs` ao ser desmontado, e a próxima execução já encontra o arquivo lá.',
          gl: 'O overlay grava os cambios no `/root/rootfs` ao desmontalo, e a seguinte execución xa atopa o ficheiro alí.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Ele continua em `/root/ctr/upper`, no disco da sandbox, e o próximo contêiner que usar esse `upper` o verá.',
          gl: 'Segue en `/root/ctr/upper`, no disco da sandbox, e verao o seguinte contedor que use ese `upper`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Ele estava no `upper`, dentro do tmpfs: desmontar o tmpfs o apaga, e o `/root/rootfs` fica como estava.',
          gl: 'Estaba no `upper`, dentro do tmpfs: desmontar o tmpfs bórrao, e o `/root/rootfs` queda como estaba.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Ele já tinha sumido no `exit`, quando o namespace de montagem morreu.',
          gl: 'Xa desaparecera no `exit`, cando morreu o espazo de nomes de montaxe.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'Comparado com um contêiner do runc ou do Docker, o que falta ao contêiner desta lição?',
      gl: 'Comparado cun contedor de runc ou de Docker, que lle falta ao contedor desta lección?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Um kernel próprio: o dele ainda é o da sandbox, e o runc daria ao contêiner um kernel separado, como uma VM leve.',
          gl: 'Un kernel propio: o seu aínda é o da sandbox, mentres que runc lle daría ao contedor un kernel separado, coma unha máquina virtual lixeira.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um limite de memória que valha: os cgroups só são aplicados pelo kernel quando um runtime como o runc os configura.',
          gl: 'Un límite de memoria que valla: o kernel só aplica os cgroups cando un runtime coma runc os configura.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Uma pilha de rede própria: o par veth só liga o contêiner à rede da sandbox, que ele continua compartilhando com os outros.',
          gl: 'Unha pila de rede propia: o par veth só conecta o contedor á rede da sandbox, que segue a compartir cos demais.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Namespace de usuário, capabilities cortadas, seccomp, `/proc` mascarado, `/dev`, um init de verdade e limpeza automática.',
          gl: 'Espazo de nomes de usuario, capabilities recortadas, seccomp, `/proc` enmascarado, un `/dev`, un init de verdade e limpeza automática.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'O que o `-f` faz no `unshare -m -u -i -n -p -f bash`?',
      gl: 'Que fai o `-f` no `unshare -m -u -i -n -p -f bash`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O `unshare` cria um filho para rodar o bash: quem cria um namespace de PID não entra nele, só os filhos.',
          gl: 'O `unshare` crea un fillo para executar o bash: quen crea un espazo de nomes de PID non entra nel, só os fillos.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Roda o bash em segundo plano, para o Terminal A continuar livre enquanto o contêiner trabalha.',
          gl: 'Executa o bash en segundo plano, para que o Terminal A siga libre mentres o contedor traballa.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Força a criação dos namespaces mesmo sem permissão, como faria um `sudo`, pulando a checagem de capabilities.',
          gl: 'Forza a creación dos espazos de nomes aínda sen permiso, coma un `sudo`, saltando a comprobación de capabilities.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Deixa as montagens privadas no namespace de montagem novo, para nada vazar para a sandbox.',
          gl: 'Deixa as montaxes privadas no espazo de nomes de montaxe novo, para que nada pase á sandbox.',
        },
      },
    ],
  },
]);
