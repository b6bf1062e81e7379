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
            pt: 'A de runtime define o bundle (um `config.json` e um rootfs) e o ciclo de vida (create, start, kill, delete); a de imagem define o manifesto, a configuração e as camadas, arquivos tar em que um apagado vira `.wh.NOME`.',
            gl: 'A de runtime define o bundle (un `config.json` e un rootfs) e o ciclo de vida (create, start, kill, delete); a de imaxe define o manifesto, a configuración e as capas, arquivos tar nos que un borrado se converte en `.wh.NOME`.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'São o mesmo documento com dois nomes: o `config.json` do bundle é baixado pronto do registro.',
            gl: 'Son o mesmo documento con dous nomes: o `config.json` do bundle descárgase xa feito do rexistro.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'A de imagem diz quais cgroups e namespaces criar; a de runtime diz como compactar as camadas.',
            gl: 'A de imaxe di que cgroups e espazos de nomes crear; a de runtime di como comprimir as capas.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'A de runtime vale só para o runc; a de imagem, só para o Docker Hub.',
            gl: 'A de runtime vale só para runc; a de imaxe, só para Docker Hub.',
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
            pt: 'Todas: o processo roda como UID 0 e o root precisa delas.',
            gl: 'Todas: o proceso execútase como UID 0 e o root precisa delas.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Nenhuma: o `noNewPrivileges` já tira todas.',
            gl: 'Ningunha: o `noNewPrivileges` xa as quita todas.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Só três: `CAP_AUDIT_WRITE`, `CAP_KILL` e `CAP_NET_BIND_SERVICE`, a máscara `0000000020000420` que o `/proc/PID/status` mostrou.',
            gl: 'Só tres: `CAP_AUDIT_WRITE`, `CAP_KILL` e `CAP_NET_BIND_SERVICE`, a máscara `0000000020000420` que amosou o `/proc/PID/status`.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'As mesmas 14 do Docker, com `CAP_CHOWN` e `CAP_SYS_CHROOT` entre elas.',
            gl: 'As mesmas 14 de Docker, con `CAP_CHOWN` e `CAP_SYS_CHROOT` entre elas.',
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
            pt: 'Listam os volumes do contêiner: pastas do host que entram só para leitura.',
            gl: 'Listan os volumes do contedor: cartafoles do host que entran só para lectura.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Escondem entradas sensíveis de `/proc` e `/sys` (um arquivo vira `/dev/null`, uma pasta vira um tmpfs vazio) e deixam outras, como `/proc/sys`, só de leitura, tudo com montagens bind feitas pelo runc.',
            gl: 'Agochan entradas sensibles de `/proc` e `/sys` (un ficheiro pasa a ser `/dev/null`, un cartafol un tmpfs baleiro) e deixan outras, como `/proc/sys`, só de lectura, todo con montaxes bind feitas por runc.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Listam as camadas da imagem: as mascaradas ficam embaixo, as só de leitura em cima.',
            gl: 'Listan as capas da imaxe: as enmascaradas van abaixo, as só de lectura enriba.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'São caminhos que o filtro seccomp proíbe de abrir.',
            gl: 'Son rutas que o filtro seccomp prohibe abrir.',
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
            pt: 'O comando `docker`, na máquina de quem digitou.',
            gl: 'A orde `docker`, na máquina de quen a escribiu.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O kernel, sozinho, ao receber a imagem.',
            gl: 'O kernel, el só, ao recibir a imaxe.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O containerd, que baixa a imagem e monta as camadas.',
            gl: 'containerd, que descarga a imaxe e monta as capas.',
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
            pt: 'Acrescenta um namespace de usuário com `uidMappings` e `gidMappings` (o seu UID efetivo vira o 0 de dentro), tira o namespace de rede, troca o sysfs novo por um bind de `/sys` e apaga o `linux.resources`.',
            gl: 'Engade un espazo de nomes de usuario con `uidMappings` e `gidMappings` (o teu UID efectivo pasa a ser o 0 de dentro), quita o espazo de nomes de rede, cambia o sysfs novo por un bind de `/sys` e borra o `linux.resources`.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Só troca o `process.user` de 0 para o seu UID.',
            gl: 'Só cambia o `process.user` de 0 ao teu UID.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Desliga as capabilities e o seccomp, que exigem root.',
            gl: 'Desactiva as capabilities e o seccomp, que esixen root.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Tira o namespace de PID, que só o root pode criar.',
            gl: 'Quita o espazo de nomes de PID, que só pode crear o root.',
          },
        },
      ],
    },
  ],
});
