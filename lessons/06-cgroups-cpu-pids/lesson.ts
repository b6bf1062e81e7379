import { cgroupCommands } from '../cgroup-commands';
import { defineLesson } from '../types';
import quiz from './quiz';

// The busy loop of the CPU steps: dash, one process, never sleeps.
const BUSY = "sh -c 'while :; do :; done'";
// The fork bomb runs in dash, which gives up at the first refused fork ("sh: 0: Cannot fork"); bash would
// retry for seconds ("fork: retry: Resource temporarily unavailable"). The subshell moves itself into the
// group, so Terminal A's own shell stays outside and keeps working.
const BOMB = (dir: string) => `sh -c 'echo $$ > ${dir}/cgroup.procs; for i in $(seq 40); do sleep 600 & done'`;

export default defineLesson({
  slug: '06-cgroups-cpu-pids',
  order: 6,
  title: {
    pt: 'cgroups II: CPU, PIDs, freezer e as regras do v2',
    gl: 'cgroups II: CPU, PIDs, freezer e as regras do v2',
  },
  summary: {
    pt: 'Uma cota prende um laço a 10 % de uma CPU, pesos dividem uma CPU disputada, o pids.max segura uma fork bomb, o freezer congela um grupo inteiro e o cgroup.kill o esvazia de uma vez; e as regras da árvore única do v2.',
    gl: 'Unha cota suxeita un bucle ao 10 % dunha CPU, os pesos reparten unha CPU disputada, o pids.max detén unha fork bomb, o freezer conxela un grupo enteiro e o cgroup.kill baléirao dunha vez; e as regras da árbore única do v2.',
  },
  steps: [
    {
      id: 'quota',
      title: { pt: 'Um laço preso a 10 % de uma CPU', gl: 'Un bucle suxeito ao 10 % dunha CPU' },
      commands: [
        ...cgroupCommands(({ dir, v1 }) => {
          const group = dir('cpu', 'cpu10');
          return [
            { tab: 1, text: `mkdir ${group}` },
            // 10 ms of CPU per 100 ms period (v1's cpu.cfs_period_us is 100000 already)
            { tab: 1, text: v1 ? `echo 10000 > ${group}/cpu.cfs_quota_us` : `echo "10000 100000" > ${group}/cpu.max` },
            { tab: 1, text: `${BUSY} & echo $! > ${group}/cgroup.procs` },
            { tab: 1, text: `cat ${group}/cpu.stat` },
          ];
        }),
        { tab: 1, text: 'ps -o pid,pcpu,comm' },
      ],
      check: { id: 'cgroup-cpu-quota', params: { group: 'cpu10', percent: 10 } },
      hints: {
        'no-group': {
          pt: 'O grupo `{group}` ainda não existe no controlador cpu. No Terminal B, crie-o com o primeiro comando do passo.',
          gl: 'O grupo `{group}` aínda non existe no controlador cpu. No Terminal B, créao coa primeira orde do paso.',
        },
        'no-quota': {
          pt: 'O grupo `{group}` existe, mas o `{file}` dele ainda diz que não há cota. Escreva nele a cota do passo: 10000 microssegundos a cada período de 100000.',
          gl: 'O grupo `{group}` existe, pero o seu `{file}` aínda di que non hai cota. Escribe nel a cota do paso: 10000 microsegundos en cada período de 100000.',
        },
        'wrong-quota': {
          pt: 'A cota de `{group}` dá {found} % de uma CPU, e o passo pede {want} %. A cota dividida pelo período tem de dar {want} %: reescreva o arquivo com os números do passo.',
          gl: 'A cota de `{group}` dá o {found} % dunha CPU, e o paso pide o {want} %. A cota dividida polo período ten que dar o {want} %: reescribe o ficheiro cos números do paso.',
        },
        empty: {
          pt: 'O grupo `{group}` tem a cota certa, mas nenhum processo dentro. Rode o laço com `&` e, na mesma linha, escreva o `$!` no `cgroup.procs` do grupo, como no passo.',
          gl: 'O grupo `{group}` ten a cota correcta, pero ningún proceso dentro. Executa o bucle con `&` e, na mesma liña, escribe o `$!` no `cgroup.procs` do grupo, como no paso.',
        },
        'not-throttled': {
          pt: 'Há um processo em `{group}`, mas o kernel ainda não precisou freá-lo nenhuma vez (`nr_throttled` continua 0). Ele está ocupado? Confira com `ps -o pid,pcpu,comm` que o laço `sh` está rodando e espere um segundo.',
          gl: 'Hai un proceso en `{group}`, pero o kernel aínda non tivo que frealo ningunha vez (`nr_throttled` segue en 0). Está ocupado? Comproba con `ps -o pid,pcpu,comm` que o bucle `sh` se está a executar e agarda un segundo.',
        },
      },
    },
    {
      id: 'weights',
      title: { pt: 'Dois laços na mesma CPU, pesos 2 para 1', gl: 'Dous bucles na mesma CPU, pesos 2 a 1' },
      commands: [
        ...cgroupCommands(({ dir, v1 }) => {
          // 2:1 in v1's shares (default 1024) or v2's weights (default 100)
          const [file, high, low] = v1 ? ['cpu.shares', 2048, 1024] : ['cpu.weight', 200, 100];
          return [
            { tab: 1, text: `mkdir ${dir('cpu', 'alto')} ${dir('cpu', 'baixo')}` },
            {
              tab: 1,
              text: `echo ${high} > ${dir('cpu', 'alto')}/${file}; echo ${low} > ${dir('cpu', 'baixo')}/${file}`,
            },
            { tab: 1, text: `taskset -c 0 ${BUSY} & echo $! > ${dir('cpu', 'alto')}/cgroup.procs` },
            { tab: 1, text: `taskset -c 0 ${BUSY} & echo $! > ${dir('cpu', 'baixo')}/cgroup.procs` },
          ];
        }),
        { tab: 1, text: 'ps -o pid,pcpu,comm' },
      ],
      check: { id: 'cgroup-cpu-weights', params: { high: 'alto', low: 'baixo', ratio: 2 } },
      hints: {
        'no-group': {
          pt: 'O grupo `{group}` não existe no controlador cpu. Crie `alto` e `baixo` com o primeiro comando do passo.',
          gl: 'O grupo `{group}` non existe no controlador cpu. Crea `alto` e `baixo` coa primeira orde do paso.',
        },
        'wrong-ratio': {
          pt: 'Os pesos de `alto` e `baixo` estão na razão de {found} para 1, e o passo pede {want} para 1: o peso de `alto` tem de ser o dobro do de `baixo`. Reescreva os dois com os números do passo.',
          gl: 'Os pesos de `alto` e `baixo` están na razón de {found} a 1, e o paso pide {want} a 1: o peso de `alto` ten que ser o dobre do de `baixo`. Reescribe os dous cos números do paso.',
        },
        empty: {
          pt: 'O grupo `{group}` não tem processo. Rode o laço dele com `taskset -c 0` e `&` e, na mesma linha, escreva o `$!` no `cgroup.procs` do grupo.',
          gl: 'O grupo `{group}` non ten ningún proceso. Executa o seu bucle con `taskset -c 0` e `&` e, na mesma liña, escribe o `$!` no `cgroup.procs` do grupo.',
        },
      },
    },
    {
      id: 'pids',
      title: { pt: 'Uma fork bomb barrada pelo pids.max', gl: 'Unha fork bomb detida polo pids.max' },
      commands: [
        ...cgroupCommands(({ dir }) => {
          const group = dir('pids', 'pid20');
          return [
            { tab: 1, text: `mkdir ${group}` },
            { tab: 1, text: `echo 20 > ${group}/pids.max` },
            { tab: 0, text: BOMB(group) },
            { tab: 1, text: `cat ${group}/pids.current ${group}/pids.events` },
          ];
        }),
      ],
      check: { id: 'cgroup-pids-limit', params: { group: 'pid20', max: 20 } },
      hints: {
        'no-group': {
          pt: 'O grupo `{group}` não existe no controlador pids. No Terminal B, crie-o com o primeiro comando do passo.',
          gl: 'O grupo `{group}` non existe no controlador pids. No Terminal B, créao coa primeira orde do paso.',
        },
        'wrong-max': {
          pt: 'O `pids.max` de `{group}` é {found}, e o passo pede {want}. Escreva {want} nele antes de soltar a bomba.',
          gl: 'O `pids.max` de `{group}` é {found}, e o paso pide {want}. Escribe {want} nel antes de soltar a bomba.',
        },
        'no-refusal': {
          pt: 'O limite de `{group}` está certo, mas nenhum fork foi recusado ainda (`pids.events` diz `max 0`). No Terminal A, rode a linha do `sh -c`: ela entra no grupo e tenta criar 40 processos.',
          gl: 'O límite de `{group}` está ben, pero aínda non se rexeitou ningún fork (`pids.events` di `max 0`). No Terminal A, executa a liña do `sh -c`: entra no grupo e tenta crear 40 procesos.',
        },
      },
    },
    {
      id: 'freeze',
      title: { pt: 'Congele os processos do grupo', gl: 'Conxela os procesos do grupo' },
      commands: [
        { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/freezer/gelo' },
        {
          tab: 1,
          cgroup: 'v1',
          text: 'for p in $(cat /sys/fs/cgroup/pids/pid20/cgroup.procs); do echo $p > /sys/fs/cgroup/freezer/gelo/cgroup.procs; done',
        },
        { tab: 1, cgroup: 'v1', text: 'echo FROZEN > /sys/fs/cgroup/freezer/gelo/freezer.state' },
        { tab: 1, cgroup: 'v1', text: 'cat /sys/fs/cgroup/freezer/gelo/freezer.state' },
        { tab: 1, cgroup: 'v2', text: 'echo 1 > /sys/fs/cgroup/pid20/cgroup.freeze' },
        { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/pid20/cgroup.events' },
      ],
      check: { id: 'cgroup-frozen' },
      hints: {
        'none-frozen': {
          pt: 'Nenhum grupo está congelado. No v1, mova os processos de `pid20` para um grupo do freezer e escreva `FROZEN` no `freezer.state` dele; no v2, escreva 1 no `cgroup.freeze` de `pid20`.',
          gl: 'Ningún grupo está conxelado. No v1, move os procesos de `pid20` a un grupo do freezer e escribe `FROZEN` no seu `freezer.state`; no v2, escribe 1 no `cgroup.freeze` de `pid20`.',
        },
        'frozen-empty': {
          pt: 'O grupo `{group}` está congelado, mas não tem processo nenhum: não há nada parado nele. Os `sleep` da bomba ainda existem (`pids.current` de `pid20`)? No v1, mova-os para `{group}` com o laço do passo.',
          gl: 'O grupo `{group}` está conxelado, pero non ten ningún proceso: non hai nada parado nel. Seguen vivos os `sleep` da bomba (`pids.current` de `pid20`)? No v1, móveos a `{group}` co bucle do paso.',
        },
      },
    },
    {
      id: 'empty',
      title: { pt: 'Acabe com a bomba, o grupo inteiro de uma vez', gl: 'Remata coa bomba, o grupo enteiro dunha vez' },
      commands: [
        { tab: 1, cgroup: 'v1', text: 'echo THAWED > /sys/fs/cgroup/freezer/gelo/freezer.state' },
        { tab: 1, cgroup: 'v1', text: 'kill $(cat /sys/fs/cgroup/pids/pid20/cgroup.procs)' },
        { tab: 1, cgroup: 'v1', text: 'cat /sys/fs/cgroup/pids/pid20/pids.current' },
        { tab: 1, cgroup: 'v2', text: 'echo 1 > /sys/fs/cgroup/pid20/cgroup.kill' },
        { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/pid20/cgroup.events' },
      ],
      check: { id: 'cgroup-emptied', params: { group: 'pid20' } },
      hints: {
        'no-group': {
          pt: 'O grupo `{group}` não existe. Este passo esvazia o grupo da bomba: refaça o passo dos PIDs e volte aqui.',
          gl: 'O grupo `{group}` non existe. Este paso baleira o grupo da bomba: repite o paso dos PIDs e volve aquí.',
        },
        'not-emptied': {
          pt: 'O grupo `{group}` ainda tem {count} processo(s). No v1, descongele antes (`THAWED`), porque um processo congelado só morre depois, e então mate a lista de `cgroup.procs`; no v2, escreva 1 no `cgroup.kill`.',
          gl: 'O grupo `{group}` aínda ten {count} proceso(s). No v1, desconxela antes (`THAWED`), porque un proceso conxelado só morre despois, e entón mata a lista de `cgroup.procs`; no v2, escribe 1 no `cgroup.kill`.',
        },
        'never-used': {
          pt: 'O grupo `{group}` está vazio, mas nunca chegou ao limite: nenhum fork foi recusado nele. Faça antes o passo da bomba e só depois esvazie o grupo.',
          gl: 'O grupo `{group}` está baleiro, pero nunca chegou ao límite: non se rexeitou ningún fork nel. Fai antes o paso da bomba e só despois baleira o grupo.',
        },
      },
    },
  ],
  quiz,
});
