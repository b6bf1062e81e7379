import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: { pt: 'O que é um namespace?', gl: 'Que é un espazo de nomes (namespace)?' },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Uma cópia do kernel que roda à parte para um grupo de processos, cada uma com a sua tabela de PIDs e o seu hostname.',
          gl: 'Unha copia do kernel que se executa á parte para un grupo de procesos, cada unha coa súa táboa de PIDs e o seu hostname.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um mecanismo do kernel que dá aos processos de dentro uma instância própria de um recurso global, como o hostname.',
          gl: 'Un mecanismo do kernel que lles dá aos procesos de dentro unha instancia propia dun recurso global, como o hostname.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A pasta que o kernel mostra como `/` a um grupo de processos, com os arquivos do contêiner, como o rootfs do chroot.',
          gl: 'O cartafol que o kernel lle amosa como `/` a un grupo de procesos, cos ficheiros do contedor, como o rootfs do chroot.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Um limite, aplicado pelo kernel, de quanta memória e CPU um grupo de processos pode usar, contado à parte do resto.',
          gl: 'Un límite, aplicado polo kernel, de canta memoria e CPU pode usar un grupo de procesos, contado á parte do resto.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Por que o comando do curso usa `-f` junto com `-p`?',
      gl: 'Por que a orde do curso usa `-f` xunto con `-p`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Porque quem chama `unshare` não entra no namespace de PID novo, só os filhos: com `-f`, um filho vira o PID 1 e executa o `sh`.',
          gl: 'Porque quen chama a `unshare` non entra no espazo de nomes de PID novo, só os fillos: con `-f`, un fillo pasa a ser o PID 1 e executa o `sh`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Para forçar a criação dos namespaces mesmo sem ser root da máquina: `-f` é *force*, e sem ele o `unshare` pararia em `Operation not permitted`.',
          gl: 'Para forzar a creación dos espazos de nomes aínda sen ser root da máquina: `-f` é *force*, e sen el `unshare` pararía en `Operation not permitted`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Para rodar o contêiner em segundo plano, liberando o Terminal A, como o `-d` do `docker run` faz.',
          gl: 'Para executar o contedor en segundo plano e deixar libre o Terminal A, como fai o `-d` de `docker run`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Para montar um /proc novo automaticamente, que mostre só os processos do namespace de PID recém-criado.',
          gl: 'Para montar automaticamente un /proc novo, que amose só os procesos do espazo de nomes de PID recén creado.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'Dentro do contêiner, `echo $$` mostra 1. O que isso quer dizer?',
      gl: 'Dentro do contedor, `echo $$` amosa 1. Que quere dicir isto?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O shell tomou o lugar do init da sandbox: agora é o PID 1 para todos os processos dela.',
          gl: 'A shell ocupou o lugar do init da sandbox: agora é o PID 1 para todos os procesos dela.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O shell é o PID 1 do namespace de PID novo; na sandbox, ele tem outro PID, comum.',
          gl: 'A shell é o PID 1 do espazo de nomes de PID novo; na sandbox ten outro PID, corrente.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O shell foi o primeiro processo criado desde o boot da máquina, por isso recebeu o número 1.',
          gl: 'A shell foi o primeiro proceso creado desde o arranque da máquina, por iso recibiu o número 1.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'No BusyBox, `$$` sempre vale 1: é um número que o shell guarda para si, não o PID do kernel.',
          gl: 'En BusyBox, `$$` sempre vale 1: é un número que a shell garda para si, non o PID do kernel.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'Depois de `hostname contedor-a-man` dentro do contêiner, o `hostname` do Terminal B continua mostrando o nome da sandbox. Por quê?',
      gl: 'Despois de `hostname contedor-a-man` dentro do contedor, o `hostname` do Terminal B segue a amosar o nome da sandbox. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Com `-u`, o contêiner tem um namespace UTS próprio: a troca do nome vale só lá dentro.',
          gl: 'Con `-u`, o contedor ten un espazo de nomes UTS propio: o cambio de nome só vale alí dentro.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O Terminal B guarda o nome antigo em cache e só o relê quando você abre um shell novo.',
          gl: 'O Terminal B garda o nome antigo nunha caché e só o le de novo cando abres unha shell nova.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Dentro do chroot, `hostname` só altera o arquivo `/etc/hostname` do rootfs.',
          gl: 'Dentro do chroot, `hostname` só modifica o ficheiro `/etc/hostname` do rootfs.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'A troca só vale para os outros depois de reiniciar a sandbox, quando o kernel lê o nome de novo.',
          gl: 'O cambio só vale para os demais despois de reiniciar a sandbox, cando o kernel le o nome de novo.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'No Terminal B, `nsenter -t PID -u bash` abre um bash. O que esse bash tem do contêiner?',
      gl: 'No Terminal B, `nsenter -t PID -u bash` abre un bash. Que ten ese bash do contedor?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Todos os namespaces do contêiner e a raiz do rootfs: é como se tivesse sido aberto lá dentro.',
          gl: 'Todos os espazos de nomes do contedor e tamén a raíz do rootfs: é coma se se abrise alí dentro.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Só o namespace UTS: vê `contedor-a-man`, mas processos, arquivos e rede são os da sandbox.',
          gl: 'Só o espazo de nomes UTS: ve `contedor-a-man`, pero procesos, ficheiros e rede son os da sandbox.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Nada: o `nsenter` só lê o hostname do contêiner e o mostra, sem entrar em namespace nenhum.',
          gl: 'Nada: `nsenter` só le o hostname do contedor e amósao, sen entrar en ningún dos seus espazos de nomes.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Ele vira o PID 1 do contêiner, no lugar do `sh`, que passa a ser filho dele.',
          gl: 'Pasa a ser o PID 1 do contedor, no lugar do `sh`, que pasa a ser fillo seu.',
        },
      },
    ],
  },
  {
    id: 'q6',
    prompt: {
      pt: 'Nos dois terminais, `ls -l /proc/self/ns` mostra o mesmo número em `user:[…]`, mas números diferentes em `uts:[…]`. O que isso indica?',
      gl: 'Nos dous terminais, `ls -l /proc/self/ns` amosa o mesmo número en `user:[…]`, pero números distintos en `uts:[…]`. Que indica isto?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Mesmo namespace de usuário e namespaces UTS diferentes: número igual, namespace igual.',
          gl: 'Mesmo espazo de nomes de usuario e espazos UTS distintos: número igual, espazo de nomes igual.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Os números são os PIDs dos dois shells: o de `user` coincide porque os dois foram abertos pelo mesmo usuário.',
          gl: 'Os números son os PIDs das dúas shells: o de `user` coincide porque as dúas foron abertas polo mesmo usuario.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Os números mudam a cada `ls`, então não dá para comparar.',
          gl: 'Os números cambian en cada `ls`, así que non se poden comparar.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O namespace de usuário não existe neste kernel, por isso o número de `user` não mudou entre os terminais.',
          gl: 'O espazo de nomes de usuario non existe neste kernel, por iso o número de `user` non cambiou entre os terminais.',
        },
      },
    ],
  },
]);
