import { cgroupCommands, NO_MEMORY_GROUP_HINT } from '../cgroup-commands';
import { defineLesson } from '../types';
import quiz from './quiz';

// The group the lesson creates, and its limit: 100M, which the kernel reads as 100 × 1024 × 1024 bytes.
const GROUP = 'demo';
const LIMIT_BYTES = 104857600;
// The perl of the `usage` step holds a 30 MiB string (and, in practice, a second copy of it).
const MIN_USAGE_BYTES = 30 * 1024 * 1024;

export default defineLesson({
  slug: '05-cgroups-memory',
  order: 5,
  title: { pt: 'cgroups I: limitar a memória', gl: 'cgroups I: limitar a memoria' },
  summary: {
    pt: 'Um cgroup é um grupo de processos que o kernel conta e limita junto: você cria um grupo com 100 MiB, põe um shell nele, lê o consumo e vê o kernel matar só o processo guloso, lá dentro.',
    gl: 'Un cgroup é un grupo de procesos que o kernel conta e limita xunto: creas un grupo con 100 MiB, metes unha shell nel, les o consumo e ves como o kernel mata só o proceso lambón, alí dentro.',
  },
  steps: [
    {
      id: 'group',
      title: { pt: 'Crie o grupo demo, com 100 MiB', gl: 'Crea o grupo demo, con 100 MiB' },
      commands: [
        { tab: 1, text: 'stat -fc %T /sys/fs/cgroup' },
        { tab: 1, text: 'cat /proc/self/cgroup' },
        ...cgroupCommands(({ dir, v1 }) => {
          const group = dir('memory', GROUP);
          const limit = v1 ? 'memory.limit_in_bytes' : 'memory.max';
          return [
            { tab: 1, text: `mkdir ${group}` },
            { tab: 1, text: `echo 100M > ${group}/${limit}` },
            v1 ? null : { tab: 1, text: `echo 0 > ${group}/memory.swap.max` },
            { tab: 1, text: `cat ${group}/${limit}` },
          ];
        }),
      ],
      check: { id: 'cgroup-memory-limit', params: { group: GROUP, bytes: LIMIT_BYTES } },
      hints: {
        'no-group': NO_MEMORY_GROUP_HINT,
        'no-limit': {
          pt: 'O grupo `{group}` existe, mas o `{file}` dele vale `{found}`, o valor que quer dizer sem limite nenhum. Escreva `100M` nesse arquivo com o `echo` do passo.',
          gl: 'O grupo `{group}` existe, pero o seu `{file}` vale `{found}`, o valor que quere dicir sen ningún límite. Escribe `100M` nese ficheiro co `echo` do paso.',
        },
        'wrong-limit': {
          pt: 'O `{file}` do grupo `{group}` vale {found} bytes, e o passo pede {want}. Escreva `100M` de novo com o `echo` do passo: o sufixo `M` quer dizer 1024 × 1024 bytes.',
          gl: 'O `{file}` do grupo `{group}` vale {found} bytes, e o paso pide {want}. Escribe `100M` de novo co `echo` do paso: o sufixo `M` quere dicir 1024 × 1024 bytes.',
        },
      },
      replay: {},
    },
    {
      id: 'join',
      title: { pt: 'Ponha o shell do Terminal A no grupo', gl: 'Mete a shell do Terminal A no grupo' },
      commands: [
        ...cgroupCommands(({ dir }) => [{ tab: 0, text: `echo $$ > ${dir('memory', GROUP)}/cgroup.procs` }]),
        { tab: 0, text: 'cat /proc/self/cgroup' },
      ],
      check: { id: 'cgroup-has-process', params: { group: GROUP, controller: 'memory' } },
      hints: {
        'no-group': {
          pt: 'O grupo `{group}` não existe (foi apagado?). Crie-o de novo com os comandos do passo anterior, no Terminal B.',
          gl: 'O grupo `{group}` non existe (borrouse?). Créao de novo coas ordes do paso anterior, no Terminal B.',
        },
        empty: {
          pt: 'Não há processo nenhum em `{group}`. No Terminal A, rode o `echo $$` do passo: o `$$` é o PID daquele shell, e o `cgroup.procs` do grupo o recebe.',
          gl: 'Non hai ningún proceso en `{group}`. No Terminal A, executa o `echo $$` do paso: o `$$` é o PID desa shell, e recíbeo o `cgroup.procs` do grupo.',
        },
      },
    },
    {
      id: 'usage',
      title: { pt: 'Um processo que segura memória', gl: 'Un proceso que suxeita memoria' },
      commands: [
        { tab: 0, text: `perl -e '$x = "x" x (30*1024*1024); sleep 600' &` },
        ...cgroupCommands(({ dir, v1 }) => [
          { tab: 1, text: `cat ${dir('memory', GROUP)}/${v1 ? 'memory.usage_in_bytes' : 'memory.current'}` },
        ]),
        { tab: 0, text: 'kill %1' },
      ],
      check: { id: 'cgroup-memory-usage', params: { group: GROUP, minBytes: MIN_USAGE_BYTES } },
      hints: {
        'no-group': {
          pt: 'O grupo `{group}` não existe mais. Crie-o de novo e ponha o shell do Terminal A nele, como nos passos anteriores.',
          gl: 'O grupo `{group}` xa non existe. Créao de novo e mete nel a shell do Terminal A, coma nos pasos anteriores.',
        },
        'low-usage': {
          pt: 'O `{file}` de `{group}` mostra só {found} MiB. O `perl` do passo precisa estar vivo, e ter nascido do shell que está no grupo: rode-o no Terminal A (com o `&` no fim) e leia o arquivo antes do `kill %1`.',
          gl: 'O `{file}` de `{group}` amosa só {found} MiB. O `perl` do paso ten que estar vivo, e ter nacido da shell que está no grupo: execútao no Terminal A (co `&` ao final) e le o ficheiro antes do `kill %1`.',
        },
      },
    },
    {
      id: 'oom',
      title: { pt: 'Um OOM kill que fica no grupo', gl: 'Un OOM kill que queda no grupo' },
      commands: [
        { tab: 0, text: 'tail /dev/zero' },
        { tab: 1, cgroup: 'v1', text: 'grep oom_kill /sys/fs/cgroup/memory/demo/memory.oom_control' },
        { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/demo/memory.events' },
        { tab: 0, text: 'echo still here' },
      ],
      check: { id: 'cgroup-oom-kill', params: { group: GROUP } },
      hints: {
        'no-group': {
          pt: 'O grupo `{group}` não existe mais. Crie-o de novo, ponha o shell do Terminal A nele e rode `tail /dev/zero` ali.',
          gl: 'O grupo `{group}` xa non existe. Créao de novo, mete nel a shell do Terminal A e executa alí `tail /dev/zero`.',
        },
        'no-oom': {
          pt: 'O `{file}` de `{group}` ainda não conta nenhum OOM kill. Rode `tail /dev/zero` no Terminal A, cujo shell precisa estar no grupo (confira com `cat /proc/self/cgroup`), e espere o `Killed`.',
          gl: 'O `{file}` de `{group}` aínda non conta ningún OOM kill. Executa `tail /dev/zero` no Terminal A, cuxa shell ten que estar no grupo (compróbao con `cat /proc/self/cgroup`), e agarda polo `Killed`.',
        },
        'empty-after-oom': {
          pt: 'O kernel matou um processo em `{group}`, mas não sobrou ninguém no grupo: o shell do Terminal A saiu dele ou morreu junto. Ponha o shell do Terminal A de volta com o `echo $$` do passo em que ele entrou no grupo e rode `tail /dev/zero` de novo.',
          gl: 'O kernel matou un proceso en `{group}`, pero non quedou ninguén no grupo: a shell do Terminal A saíu del ou morreu con el. Volve meter a shell do Terminal A co `echo $$` do paso no que entrou no grupo e executa `tail /dev/zero` de novo.',
        },
      },
    },
  ],
  quiz,
});
