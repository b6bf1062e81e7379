import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: { pt: 'O que é um par veth?', gl: 'Que é un par veth?' },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Uma placa de rede física dividida em duas metades pelo driver, cada uma com o seu endereço MAC e a sua fila.',
          gl: 'Unha tarxeta de rede física dividida en dúas metades polo driver, cada unha co seu enderezo MAC e a súa cola.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Duas interfaces Ethernet virtuais ligadas como um cabo: o que entra por uma sai pela outra, mesmo noutro namespace.',
          gl: 'Dúas interfaces Ethernet virtuais ligadas coma un cable: o que entra por unha sae pola outra, aínda noutro espazo de nomes.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Uma regra de firewall que deixa dois namespaces conversarem, criada com `ip link add … type veth`.',
          gl: 'Unha regra de firewall que deixa falar dous espazos de nomes, creada con `ip link add … type veth`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Uma interface só, que existe ao mesmo tempo em dois namespaces e aparece no `ip link` dos dois lados com o mesmo nome e MAC.',
          gl: 'Unha interface soa, que existe á vez en dous espazos de nomes e aparece no `ip link` dos dous lados co mesmo nome e o mesmo MAC.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Com dois contêineres ou mais, por que juntar as pontas de fora numa bridge, em vez de dar a cada uma um endereço `/24` da mesma sub-rede?',
      gl: 'Con dous contedores ou máis, por que xuntar os extremos de fóra nunha bridge, en vez de darlle a cada un un enderezo `/24` da mesma subrede?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Uma `/24` em cada ponta dá duas rotas para o mesmo destino, e o kernel usa uma só; a bridge é um switch único, com o gateway.',
          gl: 'Unha `/24` en cada extremo dá dúas rutas para o mesmo destino, e o kernel usa unha soa; a bridge é un switch único, coa pasarela.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Pontas veth não aceitam dois endereços IPv4 da mesma sub-rede: o kernel recusa o segundo `ip addr add` com `File exists`.',
          gl: 'Os extremos veth non admiten dous enderezos IPv4 da mesma subrede: o kernel rexeita o segundo `ip addr add` con `File exists`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A bridge cifra o tráfego entre os contêineres; sem ela, um contêiner poderia ler os pacotes que o outro troca com a própria sandbox.',
          gl: 'A bridge cifra o tráfico entre os contedores; sen ela, un contedor podería ler os paquetes que o outro intercambia coa propia sandbox.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Um namespace só pode ter um par veth, e a bridge junta vários contêineres atrás desse único par.',
          gl: 'Un espazo de nomes só pode ter un par veth, e a bridge xunta varios contedores detrás dese único par.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'Numa máquina com saída para a internet, o que deixa os contêineres de 10.200.0.0/24 chegarem lá fora?',
      gl: 'Nunha máquina con saída a internet, que deixa os contedores de 10.200.0.0/24 chegar alá fóra?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Só o `ip link set ceth0 up`: com a interface ligada, o kernel acha sozinho o caminho até a internet pela sandbox.',
          gl: 'Só o `ip link set ceth0 up`: coa interface activa, o kernel atopa el só o camiño ata internet pola sandbox.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um servidor DNS configurado no `/etc/resolv.conf` do contêiner, que resolve os nomes e ainda encaminha os pacotes para fora.',
          gl: 'Un servidor DNS configurado no `/etc/resolv.conf` do contedor, que resolve os nomes e ademais encamiña todos os paquetes cara a fóra.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Rota padrão via bridge, `ip_forward=1` no host e MASQUERADE, que põe o endereço do host como origem dos pacotes que saem.',
          gl: 'Ruta por defecto pola bridge, `ip_forward=1` no host e MASQUERADE, que pon o enderezo do host como orixe dos paquetes que saen.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'A bridge, que já é ligada à placa de rede da máquina e repassa para fora todo pacote que não é da sub-rede.',
          gl: 'A bridge, que xa está ligada á tarxeta de rede da máquina e reenvía cara a fóra todo paquete que non é da subrede.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'No Terminal A, dentro do `unshare -n bash`, `ip link` mostra `lo` e `ceth0`, mas `ls /sys/class/net` mostra `lo` e `veth0`. Por quê?',
      gl: 'No Terminal A, dentro do `unshare -n bash`, `ip link` amosa `lo` e `ceth0`, pero `ls /sys/class/net` amosa `lo` e `veth0`. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O namespace de rede não foi criado: o `ip link` mostra uma lista guardada em cache de antes do `unshare`.',
          gl: 'O espazo de nomes de rede non se creou: o `ip link` amosa unha lista gardada en caché de antes do `unshare`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O par veth copia a lista de interfaces de uma ponta para a outra, e o `/sys` mostra a cópia que chegou do lado de fora.',
          gl: 'O par veth copia a lista de interfaces dun extremo ao outro, e o `/sys` amosa a copia que chegou do lado de fóra.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `/sys` demora alguns segundos para se atualizar depois do `ip link set ceth0 netns`, até o kernel reescrever a lista.',
          gl: 'O `/sys` tarda uns segundos en actualizarse despois do `ip link set ceth0 netns`, ata que o kernel reescribe toda a lista.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O sysfs mostra a rede do namespace de quem o montou, e esse `/sys` é da sandbox; o `ip` pergunta pelo do processo.',
          gl: 'O sysfs amosa a rede do espazo de nomes de quen o montou, e ese `/sys` é da sandbox; o `ip` pregunta polo do proceso.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Qual a diferença entre `docker run --network none` e `--network host`?',
      gl: 'Cal é a diferenza entre `docker run --network none` e `--network host`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: '`none` não cria namespace de rede e deixa o contêiner sem interface nenhuma; `host` cria um com uma bridge para o host.',
          gl: '`none` non crea espazo de nomes de rede e deixa o contedor sen ningunha interface; `host` crea un cunha bridge propia cara ao host.',
        },
      },
      {
        id: 'b',
        text: {
          pt: '`none` cria um namespace de rede só com `lo`, como o `unshare -n`; `host` não cria nenhum e usa as interfaces do host.',
          gl: '`none` crea un espazo de nomes de rede só con `lo`, coma o `unshare -n`; `host` non crea ningún e usa as interfaces do host.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'As duas criam uma bridge e um par veth; muda só o endereço: `none` fica sem IP, e `host` usa o IP do host.',
          gl: 'As dúas crean unha bridge e un par veth; só cambia o enderezo: `none` queda sen IP, e `host` usa o IP do host.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Nenhuma: as duas deixam o contêiner sem rede, e só muda o nome que aparece no `docker inspect` de cada um.',
          gl: 'Ningunha: as dúas deixan o contedor sen rede, e só cambia o nome que aparece no `docker inspect` de cada un.',
        },
      },
    ],
  },
]);
