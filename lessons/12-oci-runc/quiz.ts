import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'A OCI publica uma especificação de runtime e uma de imagem. O que cada uma define?',
      gl: 'A OCI publica unha especificación de runtime e unha de imaxe. Que define cada unha?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'A de runtime define o bundle (`config.json` e rootfs) e o ciclo de vida; a de imagem, o manifesto, a configuração e as camadas em tar.',
          gl: 'A de runtime define o bundle (`config.json` e rootfs) e o ciclo de vida; a de imaxe, o manifesto, a configuración e as capas en tar.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'São o mesmo documento com dois nomes: o `config.json` do bundle é baixado pronto do registro, junto com as camadas.',
          gl: 'Son o mesmo documento con dous nomes: o `config.json` do bundle descárgase xa feito do rexistro, xunto coas capas.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A de imagem diz quais cgroups e namespaces criar; a de runtime diz como compactar as camadas e assinar o manifesto.',
          gl: 'A de imaxe di que cgroups e espazos de nomes crear; a de runtime di como comprimir as capas e asinar o manifesto.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'A de runtime vale só para o runc e a de imagem só para o Docker Hub; os outros runtimes e registros têm formatos próprios, incompatíveis.',
          gl: 'A de runtime vale só para runc e a de imaxe só para Docker Hub; os demais runtimes e rexistros teñen formatos propios, incompatibles.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'O `runc spec` põe quais capabilities no conjunto `bounding` do processo?',
      gl: 'Que capabilities pon `runc spec` no conxunto `bounding` do proceso?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Todas, a máscara `000001ffffffffff`: o processo roda como UID 0, e o root precisa delas para montar o contêiner.',
          gl: 'Todas, a máscara `000001ffffffffff`: o proceso execútase como UID 0, e o root precisa delas para montar o contedor.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Nenhuma, a máscara `0000000000000000`: o `noNewPrivileges` do spec já tira todas antes do `exec`.',
          gl: 'Ningunha, a máscara `0000000000000000`: o `noNewPrivileges` do spec xa as quita todas antes do `exec`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Só três: `CAP_AUDIT_WRITE`, `CAP_KILL` e `CAP_NET_BIND_SERVICE`, a máscara `0000000020000420`.',
          gl: 'Só tres: `CAP_AUDIT_WRITE`, `CAP_KILL` e `CAP_NET_BIND_SERVICE`, a máscara `0000000020000420`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'As mesmas 14 do Docker, com `CAP_CHOWN` e `CAP_SYS_CHROOT` entre elas, a máscara `00000000a80425fb`.',
          gl: 'As mesmas 14 de Docker, con `CAP_CHOWN` e `CAP_SYS_CHROOT` entre elas, a máscara `00000000a80425fb`.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'Para que servem `linux.maskedPaths` e `linux.readonlyPaths`?',
      gl: 'Para que serven `linux.maskedPaths` e `linux.readonlyPaths`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Listam os volumes do contêiner: pastas do host que o runc monta por bind, umas escondidas do processo e outras só para leitura.',
          gl: 'Listan os volumes do contedor: cartafoles do host que runc monta por bind, uns agochados do proceso e outros só para lectura.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Escondem entradas de `/proc` e `/sys` (com `/dev/null` ou um tmpfs vazio por cima) e deixam outras, como `/proc/sys`, só de leitura.',
          gl: 'Agochan entradas de `/proc` e `/sys` (con `/dev/null` ou un tmpfs baleiro por riba) e deixan outras, como `/proc/sys`, só de lectura.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Listam as camadas da imagem no overlay: as mascaradas ficam embaixo, invisíveis, e as só de leitura em cima, à vista de todo o contêiner.',
          gl: 'Listan as capas da imaxe no overlay: as enmascaradas van abaixo, invisibles, e as só de lectura van enriba, á vista de todo o contedor.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'São caminhos que o filtro seccomp proíbe de abrir (os mascarados) ou de abrir para escrita (os só de leitura), com `EPERM`.',
          gl: 'Son rutas que o filtro seccomp prohibe abrir (as enmascaradas) ou abrir para escritura (as só de lectura), con `EPERM`.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'Num `docker run`, quem de fato chama `clone`, `pivot_root` e escreve nos arquivos do cgroup?',
      gl: 'Nun `docker run`, quen chama de verdade a `clone` e `pivot_root` e escribe nos ficheiros do cgroup?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O comando `docker`, na máquina de quem digitou, que fala direto com o kernel por chamadas de sistema, sem daemon.',
          gl: 'A orde `docker`, na máquina de quen a escribiu, que lle fala directamente ao kernel con chamadas ao sistema, sen daemon.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O kernel, sozinho, ao receber a imagem: ele lê o manifesto e cria os namespaces que ela pede.',
          gl: 'O kernel, el só, ao recibir a imaxe: le o manifesto e crea os espazos de nomes que esta pide.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O containerd, que baixa a imagem, monta as camadas e cria ele mesmo os namespaces do contêiner.',
          gl: 'containerd, que descarga a imaxe, monta as capas e crea el mesmo os espazos de nomes do contedor.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O runtime de baixo nível, o runc (ou o crun), chamado pelo shim do containerd com um bundle pronto.',
          gl: 'O runtime de baixo nivel, runc (ou crun), chamado polo shim de containerd cun bundle xa preparado.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Comparado com o `runc spec` comum, o que o `runc spec --rootless` muda no `config.json`?',
      gl: 'Comparado co `runc spec` normal, que cambia `runc spec --rootless` no `config.json`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Põe um namespace de usuário com `uidMappings` (seu UID vira o 0 de dentro), tira o de rede e o `linux.resources` e troca o sysfs por bind.',
          gl: 'Pon un espazo de nomes de usuario con `uidMappings` (o teu UID pasa a ser o 0 de dentro), quita o de rede e `linux.resources` e cambia o sysfs por un bind.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Só troca o `process.user` de 0 para o seu UID, para o processo do contêiner rodar sem privilégio nenhum no host.',
          gl: 'Só cambia o `process.user` de 0 ao teu UID, para que o proceso do contedor se execute sen ningún privilexio no host.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Desliga as capabilities e o seccomp, que exigem root: no `diff`, a lista `capabilities` fica vazia e o `noNewPrivileges` vira `false`.',
          gl: 'Desactiva as capabilities e o seccomp, que esixen root: no `diff`, a lista `capabilities` queda baleira e o `noNewPrivileges` pasa a `false`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Tira o namespace de PID, que só o root pode criar, e o processo do contêiner passa a ver todos os processos da sandbox.',
          gl: 'Quita o espazo de nomes de PID, que só pode crear o root, e o proceso do contedor pasa a ver todos os procesos da sandbox.',
        },
      },
    ],
  },
]);
