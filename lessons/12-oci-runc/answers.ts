import { defineAnswers } from '../types';

// The answer key of lesson 12: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. O runc só conhece a primeira: ele nunca vê uma imagem. Quem baixa as camadas, as desempacota num overlay (lição 09) e escreve o `config.json` é o containerd, o Podman ou outro programa acima dele.',
        gl: 'Iso é. runc só coñece a primeira: nunca ve unha imaxe. Quen descarga as capas, as desempaqueta nun overlay (lección 09) e escribe o `config.json` é containerd, Podman ou outro programa por riba del.',
      },
      b: {
        pt: 'A imagem traz uma configuração própria, com `Cmd`, `Env` e `WorkingDir`, mas não um `config.json` de runtime. Esse arquivo é escrito na máquina, juntando a configuração da imagem com as opções do `docker run`.',
        gl: 'A imaxe trae unha configuración propia, con `Cmd`, `Env` e `WorkingDir`, pero non un `config.json` de runtime. Ese ficheiro escríbese na máquina, xuntando a configuración da imaxe coas opcións do `docker run`.',
      },
      c: {
        pt: 'É o contrário: cgroups e namespaces estão no `config.json`, da especificação de runtime, como você viu em `linux.resources` e `linux.namespaces`. A de imagem descreve arquivos e metadados.',
        gl: 'É ao revés: cgroups e espazos de nomes están no `config.json`, da especificación de runtime, como viches en `linux.resources` e `linux.namespaces`. A de imaxe describe ficheiros e metadatos.',
      },
      d: {
        pt: 'As duas são padrões abertos: o crun, o youki e o gVisor leem o mesmo `config.json`, e qualquer registro (Quay, GHCR, Harbor) guarda imagens no mesmo formato.',
        gl: 'As dúas son estándares abertos: crun, youki e gVisor len o mesmo `config.json`, e calquera rexistro (Quay, GHCR, Harbor) garda imaxes no mesmo formato.',
      },
    },
  },
  q2: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Ser UID 0 não dá poder nenhum sem capabilities (lição 10). O `CapBnd` do `sleep` foi `0000000020000420`, e não o `000001ffffffffff` do seu shell.',
        gl: 'Ser UID 0 non dá ningún poder sen capabilities (lección 10). O `CapBnd` do `sleep` foi `0000000020000420`, e non o `000001ffffffffff` da túa shell.',
      },
      b: {
        pt: 'O `noNewPrivileges` não tira capability nenhuma: ele impede que um `exec` ganhe privilégios novos, por setuid ou capabilities de arquivo. As três do spec continuam no `CapEff`.',
        gl: '`noNewPrivileges` non quita ningunha capability: impide que un `exec` gañe privilexios novos, por setuid ou capabilities de ficheiro. As tres do spec seguen no `CapEff`.',
      },
      c: {
        pt: 'Certo: os bits 5, 10 e 29, que `capsh --decode=0000000020000420` traduz. O `CapAmb` ficou zerado apesar da lista `ambient` do spec, porque uma capability ambiente também precisa estar no conjunto herdável, e o spec não traz a lista `inheritable`.',
        gl: 'Correcto: os bits 5, 10 e 29, que `capsh --decode=0000000020000420` traduce. O `CapAmb` quedou a cero a pesar da lista `ambient` do spec, porque unha capability ambiente tamén ten que estar no conxunto herdable, e o spec non trae a lista `inheritable`.',
      },
      d: {
        pt: 'Essas 14 são o padrão do Docker (máscara `00000000a80425fb`), que escreve o seu próprio `config.json`. O `runc spec` é bem mais avaro: três.',
        gl: 'Esas 14 son o predeterminado de Docker (máscara `00000000a80425fb`), que escribe o seu propio `config.json`. `runc spec` é moito máis agarrado: tres.',
      },
    },
  },
  q3: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Volumes ficam na lista `mounts`, como montagens bind (lição 08). `maskedPaths` e `readonlyPaths` só mexem no que já existe dentro do contêiner.',
        gl: 'Os volumes van na lista `mounts`, como montaxes bind (lección 08). `maskedPaths` e `readonlyPaths` só tocan o que xa existe dentro do contedor.',
      },
      b: {
        pt: 'Isso. No `mountinfo` do contêiner, `/proc/keys` aparecia como um bind de `/null` e `/proc/acpi` como um tmpfs `ro`. Caminhos que não existem, como `/proc/kcore` nesta sandbox, são pulados.',
        gl: 'Iso é. No `mountinfo` do contedor, `/proc/keys` aparecía como un bind de `/null` e `/proc/acpi` como un tmpfs `ro`. As rutas que non existen, como `/proc/kcore` nesta sandbox, sáltanse.',
      },
      c: {
        pt: 'O `config.json` não sabe nada de camadas: para ele há um `root.path`, uma pasta pronta. As camadas são assunto da especificação de imagem e do overlay.',
        gl: 'O `config.json` non sabe nada de capas: para el hai un `root.path`, un cartafol xa listo. As capas son cousa da especificación de imaxe e do overlay.',
      },
      d: {
        pt: 'O seccomp filtra chamadas de sistema pelo número, sem olhar caminhos. O que esconde `/proc/keys` é uma montagem por cima dele.',
        gl: 'O seccomp filtra chamadas ao sistema polo número, sen mirar rutas. O que agocha `/proc/keys` é unha montaxe por riba del.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'O comando `docker` só fala com o daemon por um socket, e pode até estar em outra máquina. Ele não cria nada no kernel.',
        gl: 'A orde `docker` só fala co daemon por un socket, e pode ata estar noutra máquina. Non crea nada no kernel.',
      },
      b: {
        pt: 'O kernel oferece as peças (namespaces, cgroups, montagens, seccomp), mas não sabe o que é um contêiner nem uma imagem. Alguém precisa chamá-las na ordem certa.',
        gl: 'O kernel ofrece as pezas (espazos de nomes, cgroups, montaxes, seccomp), pero non sabe que é un contedor nin unha imaxe. Alguén ten que chamalas na orde correcta.',
      },
      c: {
        pt: 'O containerd prepara tudo (a imagem, o overlay, o `config.json`), mas não cria os namespaces: ele chama o runc, por meio de um processo shim que fica como pai do contêiner.',
        gl: 'containerd prepara todo (a imaxe, o overlay, o `config.json`), pero non crea os espazos de nomes: chama a runc, a través dun proceso shim que queda como pai do contedor.',
      },
      d: {
        pt: 'Certo. O runc faz o trabalho e sai, como você viu: depois do `runc run -d`, o pai do `sleep` era o PID 1 da sandbox. Num servidor com Docker, esse pai é o `containerd-shim-runc-v2`; no Kubernetes, o kubelet chega ao mesmo runc pelo containerd ou pelo CRI-O.',
        gl: 'Correcto. runc fai o traballo e sae, como viches: despois do `runc run -d`, o pai do `sleep` era o PID 1 da sandbox. Nun servidor con Docker, ese pai é `containerd-shim-runc-v2`; en Kubernetes, o kubelet chega ao mesmo runc por containerd ou por CRI-O.',
      },
    },
  },
  q5: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso, e ainda tira o `gid=5` do devpts, porque o GID 5 não existe num mapa de um GID só. Aqui o mapa ficou `0 0 1`, porque o seu UID efetivo na sandbox é 0; para o aluno da lição 04 seria `0 1000 1`.',
        gl: 'Iso é, e aínda quita o `gid=5` do devpts, porque o GID 5 non existe nun mapa dun só GID. Aquí o mapa quedou `0 0 1`, porque o teu UID efectivo na sandbox é 0; para o alumno da lección 04 sería `0 1000 1`.',
      },
      b: {
        pt: 'O `process.user` continua `0`, nos dois. O que muda é quem esse 0 é lá fora, e isso quem diz é o `uidMappings`.',
        gl: 'O `process.user` segue a ser `0`, nos dous. O que cambia é quen é ese 0 fóra, e iso dio o `uidMappings`.',
      },
      c: {
        pt: 'O `diff` não mostra mudança nas capabilities nem no `noNewPrivileges`, e o filtro do terceiro passo funcionou num spec rootless. Um usuário comum pode instalar seccomp desde que tenha `NoNewPrivs: 1`.',
        gl: 'O `diff` non amosa cambios nas capabilities nin no `noNewPrivileges`, e o filtro do terceiro paso funcionou nun spec rootless. Un usuario común pode instalar seccomp sempre que teña `NoNewPrivs: 1`.',
      },
      d: {
        pt: 'O `pid` continua na lista, e o `sleep` do contêiner era o PID 1 lá dentro. Dentro de um namespace de usuário próprio, criar um namespace de PID não exige o root de verdade (lição 04).',
        gl: 'O `pid` segue na lista, e o `sleep` do contedor era o PID 1 dentro. Dentro dun espazo de nomes de usuario propio, crear un espazo de nomes de PID non esixe o root de verdade (lección 04).',
      },
    },
  },
});
