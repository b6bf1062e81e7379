import { defineLesson } from '../types';
import quiz from './quiz';

// The limits the `run` step writes into config.json: 128 MiB of memory (128 × 1024 × 1024, a multiple of
// the 4096-byte page, so the kernel keeps it exact) and 32 processes, room for sleep plus a few `runc exec`.
const MEMORY_BYTES = 134217728;
const PIDS_MAX = 32;
const HOSTNAME = 'oci-demo';
const CONFIG = '/root/bundle/config.json';

export default defineLesson({
  slug: '12-oci-runc',
  order: 13,
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
          pt: 'O contêiner está rodando, mas sem filtro seccomp além dos da sandbox: o `Seccomp_filters` dele diz {found}. Compare essa linha do `/proc/PID/status` dele com a de `grep Seccomp /proc/self/status`. O filtro do spec só entra num contêiner criado depois do `jq`: confira com `jq .linux.seccomp config.json` e recrie com `runc delete -f demo` e `runc run -d demo`.',
          gl: 'O contedor está en execución, pero sen filtro seccomp ademais dos da sandbox: o seu `Seccomp_filters` di {found}. Compara esa liña do seu `/proc/PID/status` coa de `grep Seccomp /proc/self/status`. O filtro do spec só entra nun contedor creado despois do `jq`: compróbao con `jq .linux.seccomp config.json` e créao de novo con `runc delete -f demo` e `runc run -d demo`.',
        },
      },
    },
  ],
  quiz,
});
