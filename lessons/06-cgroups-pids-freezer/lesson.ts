import { cgroupCommands } from '../cgroup-commands';
import { defineLesson, type StepCommand } from '../types';
import quiz from './quiz';

// The lesson's two groups: the bomb's, in the pids hierarchy (the one tree on v2), and on v1 the freezer's.
const BOMB_GROUP = 'pid20';
const ICE_GROUP = 'gelo';
// The fork bomb runs in dash, which gives up at the first refused fork ("sh: 0: Cannot fork"); bash would
// retry for seconds ("fork: retry: Resource temporarily unavailable"). The subshell moves itself into the
// group, so Terminal A's own shell stays outside and keeps working.
/** v2's one write for the whole group: 1 into `file` of the bomb's group (`bomb`), then what cgroup.events says. */
const writeOneV2 = (bomb: string, file: string): Omit<StepCommand, 'cgroup'>[] => [
  { tab: 1, text: `echo 1 > ${bomb}/${file}` },
  { tab: 1, text: `cat ${bomb}/cgroup.events` },
];
const BOMB = (dir: string) => `sh -c 'echo $$ > ${dir}/cgroup.procs; for i in $(seq 40); do sleep 600 & done'`;

// Split from lesson 06 (issue 23): its steps pids, freeze and empty, with their ids and checks, are this
// lesson's. Its slug keeps the 06 of the lesson it came from, so that every later lesson's slug, and the
// progress stored under it, stays as it was; its place in the course is its place in lessons/index.ts.
export default defineLesson({
  slug: '06-cgroups-pids-freezer',
  order: 7,
  title: {
    pt: 'cgroups III: PIDs, freezer e as regras do v2',
    gl: 'cgroups III: PIDs, freezer e as regras do v2',
  },
  summary: {
    pt: 'O pids.max segura uma fork bomb, o freezer congela um grupo inteiro e o cgroup.kill o esvazia de uma vez; depois, as regras da árvore única do v2 e a delegação, que deixa você criar grupos sem poder afrouxar os limites que recebeu.',
    gl: 'O pids.max detén unha fork bomb, o freezer conxela un grupo enteiro e o cgroup.kill baléirao dunha vez; despois, as regras da árbore única do v2 e a delegación, que che deixa crear grupos sen poder afrouxar os límites que recibiches.',
  },
  steps: [
    {
      id: 'pids',
      title: { pt: 'Uma fork bomb barrada pelo pids.max', gl: 'Unha fork bomb detida polo pids.max' },
      commands: [
        ...cgroupCommands(({ dir }) => {
          const group = dir('pids', BOMB_GROUP);
          return [
            { tab: 1, text: `mkdir ${group}` },
            { tab: 1, text: `echo 20 > ${group}/pids.max` },
            { tab: 0, text: BOMB(group) },
            { tab: 1, text: `cat ${group}/pids.current ${group}/pids.events` },
          ];
        }),
      ],
      check: { id: 'cgroup-pids-limit', params: { group: BOMB_GROUP, max: 20 } },
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
      commands: cgroupCommands(({ dir, v1 }) => {
        const bomb = dir('pids', BOMB_GROUP);
        if (!v1) return writeOneV2(bomb, 'cgroup.freeze');
        // v1: the freezer is a hierarchy of its own; the bomb's sleeps join a group there too, one PID a write.
        const ice = dir('freezer', ICE_GROUP);
        return [
          { tab: 1, text: `mkdir ${ice}` },
          { tab: 1, text: `for p in $(cat ${bomb}/cgroup.procs); do echo $p > ${ice}/cgroup.procs; done` },
          { tab: 1, text: `echo FROZEN > ${ice}/freezer.state` },
          { tab: 1, text: `cat ${ice}/freezer.state` },
        ];
      }),
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
      commands: cgroupCommands(({ dir, v1 }) => {
        const bomb = dir('pids', BOMB_GROUP);
        if (!v1) return writeOneV2(bomb, 'cgroup.kill');
        // v1 has no cgroup.kill: thaw first (a frozen process dies only once thawed), then signal the list.
        return [
          { tab: 1, text: `echo THAWED > ${dir('freezer', ICE_GROUP)}/freezer.state` },
          { tab: 1, text: `kill $(cat ${bomb}/cgroup.procs)` },
          { tab: 1, text: `cat ${bomb}/pids.current` },
        ];
      }),
      check: { id: 'cgroup-emptied', params: { group: BOMB_GROUP } },
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
