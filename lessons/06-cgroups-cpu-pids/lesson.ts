import { cgroupCommands } from '../cgroup-commands';
import { defineLesson } from '../types';
import quiz from './quiz';

// The busy loop of the CPU steps: dash, one process, never sleeps.
const BUSY = "sh -c 'while :; do :; done'";

/** What the quota checks found, for the quota step and the shared one (same group, same files). */
const QUOTA_HINTS = {
  'no-group': {
    pt: 'O grupo `{group}` ainda não existe no controlador cpu. No Terminal B, crie-o com o primeiro comando do passo.',
    gl: 'O grupo `{group}` aínda non existe no controlador cpu. No Terminal B, créao coa primeira orde do paso.',
  },
  'no-quota': {
    pt: 'O grupo `{group}` existe, mas o `{file}` dele ainda diz `{found}`: não há cota. Escreva nele a cota do passo: 10000 microssegundos a cada período de 100000.',
    gl: 'O grupo `{group}` existe, pero o seu `{file}` aínda di `{found}`: non hai cota. Escribe nel a cota do paso: 10000 microsegundos en cada período de 100000.',
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
} as const;

export default defineLesson({
  slug: '06-cgroups-cpu-pids',
  order: 6,
  title: { pt: 'cgroups II: cota e pesos de CPU', gl: 'cgroups II: cota e pesos de CPU' },
  summary: {
    pt: 'Uma cota prende um laço a 10 % de uma CPU, e um segundo laço no mesmo grupo divide com ele esses 10 %; pesos repartem uma CPU disputada e não seguram ninguém quando não há disputa.',
    gl: 'Unha cota suxeita un bucle ao 10 % dunha CPU, e un segundo bucle no mesmo grupo reparte con el ese 10 %; os pesos reparten unha CPU disputada e non suxeitan a ninguén cando non hai disputa.',
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
      hints: QUOTA_HINTS,
    },
    {
      id: 'shared',
      title: { pt: 'Dois laços, uma cota só', gl: 'Dous bucles, unha soa cota' },
      commands: [
        ...cgroupCommands(({ dir }) => {
          const group = dir('cpu', 'cpu10');
          return [
            { tab: 1, text: `${BUSY} & echo $! > ${group}/cgroup.procs` },
            { tab: 1, text: `cat ${group}/cgroup.procs` },
          ];
        }),
        { tab: 1, text: 'top -b -n 2 -d 2 | grep -w sh | tail -2' },
      ],
      check: { id: 'cgroup-cpu-quota', params: { group: 'cpu10', percent: 10, members: 2 } },
      hints: {
        ...QUOTA_HINTS,
        'too-few': {
          pt: 'O grupo `{group}` tem {count} processo(s), e o passo pede {want} dividindo a mesma cota. O laço do passo anterior ainda está rodando (`jobs`)? Rode a linha do laço deste passo até o `cat` mostrar {want} PIDs.',
          gl: 'O grupo `{group}` ten {count} proceso(s), e o paso pide {want} repartindo a mesma cota. Segue en marcha o bucle do paso anterior (`jobs`)? Executa a liña do bucle deste paso ata que o `cat` amose {want} PIDs.',
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
          pt: 'Os pesos de `alto` e `baixo`, {highWeight} e {lowWeight}, estão na razão de {found} para 1, e o passo pede {want} para 1: o peso de `alto` tem de ser o dobro do de `baixo`. Reescreva os dois com os números do passo.',
          gl: 'Os pesos de `alto` e `baixo`, {highWeight} e {lowWeight}, están na razón de {found} a 1, e o paso pide {want} a 1: o peso de `alto` ten que ser o dobre do de `baixo`. Reescribe os dous cos números do paso.',
        },
        empty: {
          pt: 'O grupo `{group}` não tem processo. Rode o laço dele com `taskset -c 0` e `&` e, na mesma linha, escreva o `$!` no `cgroup.procs` do grupo.',
          gl: 'O grupo `{group}` non ten ningún proceso. Executa o seu bucle con `taskset -c 0` e `&` e, na mesma liña, escribe o `$!` no `cgroup.procs` do grupo.',
        },
      },
    },
  ],
  quiz,
});
