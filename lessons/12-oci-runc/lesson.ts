import { defineLesson } from '../types';

// The limits the `run` step writes into config.json: 128 MiB of memory (128 × 1024 × 1024, a multiple of
// the 4096-byte page, so the kernel keeps it exact) and 32 processes, room for sleep plus a few `runc exec`.
const MEMORY_BYTES = 134217728;
const PIDS_MAX = 32;
const HOSTNAME = 'oci-demo';
const CONFIG = '/root/bundle/config.json';

export default defineLesson({
  slug: '12-oci-runc',
  order: 12,
  title: { pt: 'OCI e runc: o config.json', gl: 'OCI e runc: o config.json' },
  summary: {
    pt: 'Um runtime como o runc faz tudo o que você fez à mão nas lições anteriores, lendo um arquivo JSON: você gera o config.json, acrescenta limites e um filtro seccomp, roda o contêiner e confere cada linha no kernel.',
    gl: 'Un runtime como runc fai todo o que fixeches a man nas leccións anteriores, lendo un ficheiro JSON: xeras o config.json, engades límites e un filtro seccomp, executas o contedor e comprobas cada liña no kernel.',
  },
  steps: [
    {
      id: 'spec',
      title: { pt: 'Um bundle: rootfs e config.json', gl: 'Un bundle: rootfs e config.json' },
      commands: [
        { tab: 0, text: 'mkdir -p /root/bundle && cd /root/bundle && cp -a /root/rootfs rootfs' },
        { tab: 0, text: 'runc spec --rootless' },
        {
          tab: 0,
          text: "jq '.root, .hostname, .process.capabilities.bounding, [.linux.namespaces[].type]' config.json",
        },
      ],
      check: { id: 'oci-spec', params: { path: CONFIG } },
      hints: {
        'no-spec': {
          pt: 'Não existe `{path}`. No Terminal A, rode `mkdir -p /root/bundle && cd /root/bundle && cp -a /root/rootfs rootfs` e depois `runc spec --rootless`: o `runc spec` escreve o `config.json` no diretório atual, então ele precisa rodar dentro de `/root/bundle`.',
          gl: 'Non existe `{path}`. No Terminal A, executa `mkdir -p /root/bundle && cd /root/bundle && cp -a /root/rootfs rootfs` e despois `runc spec --rootless`: `runc spec` escribe o `config.json` no cartafol actual, así que ten que executarse dentro de `/root/bundle`.',
        },
        'not-json': {
          pt: '`{path}` existe, mas não é uma configuração OCI: ou não é JSON válido, ou faltam `ociVersion`, `root.path` ou `linux.namespaces`. Um `jq … config.json > config.json` esvazia o arquivo antes de lê-lo; por isso os passos escrevem em `novo.json` e só depois fazem o `mv`. Apague o arquivo com `rm {path}` e rode `runc spec --rootless` de novo, em `/root/bundle`.',
          gl: '`{path}` existe, pero non é unha configuración OCI: ou non é JSON válido, ou faltan `ociVersion`, `root.path` ou `linux.namespaces`. Un `jq … config.json > config.json` baleira o ficheiro antes de lelo; por iso os pasos escriben en `novo.json` e só despois fan o `mv`. Borra o ficheiro con `rm {path}` e executa `runc spec --rootless` de novo, en `/root/bundle`.',
        },
      },
    },
    {
      id: 'run',
      title: { pt: 'Rode o contêiner e olhe-o de fora', gl: 'Executa o contedor e mírao desde fóra' },
      commands: [
        {
          tab: 0,
          text: `jq '.process.terminal = false | .process.args = ["sleep", "600"] | .hostname = "${HOSTNAME}" | .linux.resources = {"memory": {"limit": ${MEMORY_BYTES}}, "pids": {"limit": ${PIDS_MAX}}}' config.json > novo.json && mv novo.json config.json`,
        },
        { tab: 0, text: 'runc run -d demo' },
        { tab: 0, text: 'runc list' },
        { tab: 0, text: 'runc state demo' },
        { tab: 1, text: 'grep -E "Cap|NoNewPrivs" /proc/$(runc state demo | jq .pid)/status' },
      ],
      check: { id: 'oci-running', params: { hostname: HOSTNAME, memoryBytes: MEMORY_BYTES, pidsMax: PIDS_MAX } },
      hints: {
        'not-running': {
          pt: 'Nenhum processo num namespace de PID novo tem o hostname `{hostname}`. Em `/root/bundle`, aplique o `jq` do passo (é ele que muda o `.hostname` e desliga o `.process.terminal`) e rode `runc run -d demo`; o `runc list` deve mostrar `demo` como `running`. Se o runc disser `container with given ID already exists`, apague o antigo com `runc delete -f demo` e rode de novo.',
          gl: 'Ningún proceso nun espazo de nomes de PID novo ten o hostname `{hostname}`. En `/root/bundle`, aplica o `jq` do paso (é el o que cambia o `.hostname` e desactiva o `.process.terminal`) e executa `runc run -d demo`; `runc list` debe amosar `demo` como `running`. Se runc di `container with given ID already exists`, borra o vello con `runc delete -f demo` e executa de novo.',
        },
        'no-limits': {
          pt: 'O contêiner `oci-demo` está rodando, mas o cgroup dele não tem todos os limites que o passo pede; falta: {what}. O runc lê o `linux.resources` só ao criar o contêiner: confira com `jq .linux.resources config.json`, aplique o `jq` do passo se preciso e recrie o contêiner com `runc delete -f demo` e `runc run -d demo`.',
          gl: 'O contedor `oci-demo` está en execución, pero o seu cgroup non ten todos os límites que pide o paso; falta: {what}. runc le o `linux.resources` só ao crear o contedor: compróbao con `jq .linux.resources config.json`, aplica o `jq` do paso se fai falla e crea de novo o contedor con `runc delete -f demo` e `runc run -d demo`.',
        },
      },
    },
    {
      id: 'seccomp',
      title: { pt: 'Um filtro seccomp no spec', gl: 'Un filtro seccomp no spec' },
      commands: [
        { tab: 0, text: 'runc delete -f demo' },
        {
          tab: 0,
          text: `jq '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"], "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}' config.json > novo.json && mv novo.json config.json`,
        },
        { tab: 0, text: 'runc run -d demo' },
        { tab: 0, text: 'runc exec demo mkdir /tmp/x' },
        { tab: 1, text: 'grep Seccomp /proc/$(runc state demo | jq .pid)/status' },
      ],
      check: { id: 'oci-seccomp', params: { hostname: HOSTNAME } },
      hints: {
        'not-running': {
          pt: 'Nenhum contêiner com o hostname `{hostname}` está rodando. Em `/root/bundle`, rode `runc run -d demo` (se o runc disser que o `demo` já existe, antes `runc delete -f demo`).',
          gl: 'Non hai ningún contedor co hostname `{hostname}` en execución. En `/root/bundle`, executa `runc run -d demo` (se runc di que `demo` xa existe, antes `runc delete -f demo`).',
        },
        'no-filter': {
          pt: 'O contêiner está rodando, mas com os mesmos filtros seccomp da sandbox: compare a linha `Seccomp_filters` do `/proc/PID/status` dele com a de `grep Seccomp /proc/self/status`. O filtro do spec só entra num contêiner criado depois do `jq`: confira com `jq .linux.seccomp config.json` e recrie com `runc delete -f demo` e `runc run -d demo`.',
          gl: 'O contedor está en execución, pero cos mesmos filtros seccomp ca sandbox: compara a liña `Seccomp_filters` do seu `/proc/PID/status` coa de `grep Seccomp /proc/self/status`. O filtro do spec só entra nun contedor creado despois do `jq`: compróbao con `jq .linux.seccomp config.json` e créao de novo con `runc delete -f demo` e `runc run -d demo`.',
        },
      },
    },
  ],
  quiz: [
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
  ],
});
