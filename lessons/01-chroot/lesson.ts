import { defineLesson } from '../types';
import quiz from './quiz';

// The course rootfs (busybox) lives in the sandbox's home directory, prepared in the base image.
const ROOTFS = '/root/rootfs';

export default defineLesson({
  slug: '01-chroot',
  order: 1,
  title: { pt: 'Recursos globais e chroot', gl: 'Recursos globais e chroot' },
  summary: {
    pt: 'O que o kernel compartilha entre todos os processos, por que uma VM custa caro e por que o chroot, que troca só a raiz, ainda não é um contêiner.',
    gl: 'O que o kernel comparte entre todos os procesos, por que unha VM sae cara e por que o chroot, que só cambia a raíz, aínda non é un contedor.',
  },
  steps: [
    {
      id: 'chroot',
      title: { pt: 'Entre no rootfs com chroot', gl: 'Entra no rootfs con chroot' },
      commands: [
        { tab: 0, text: 'ls rootfs' },
        { tab: 0, text: 'chroot rootfs /bin/sh' },
      ],
      check: { id: 'root-is-path', params: { path: ROOTFS } },
      hints: {
        'no-process': {
          pt: 'Nenhum processo tem {path} como raiz ainda. No Terminal A, na pasta pessoal, rode `chroot rootfs /bin/sh` e deixe esse shell aberto.',
          gl: 'Aínda ningún proceso ten {path} como raíz. No Terminal A, no cartafol persoal, executa `chroot rootfs /bin/sh` e deixa esa shell aberta.',
        },
      },
    },
    {
      id: 'proc',
      title: { pt: 'Monte o /proc e olhe os processos', gl: 'Monta o /proc e mira os procesos' },
      commands: [
        { tab: 0, text: 'mount -t proc proc /proc' },
        { tab: 0, text: 'ps' },
      ],
      check: { id: 'proc-mounted-in-root', params: { path: ROOTFS } },
      hints: {
        'not-chrooted': {
          pt: 'Não há nenhum shell com a raiz em {path}, e este passo olha o /proc que um shell assim enxerga. Entre de novo com `chroot rootfs /bin/sh` no Terminal A.',
          gl: 'Non hai ningunha shell coa raíz en {path}, e este paso mira o /proc que ve unha shell así. Entra de novo con `chroot rootfs /bin/sh` no Terminal A.',
        },
        'no-proc': {
          pt: 'O shell do chroot (PID {pid}) está lá, mas ainda não há um proc montado em {path}/proc. Dentro do chroot, rode `mount -t proc proc /proc`.',
          gl: 'A shell do chroot (PID {pid}) está aí, pero aínda non hai un proc montado en {path}/proc. Dentro do chroot, executa `mount -t proc proc /proc`.',
        },
      },
    },
    {
      id: 'kill-outside',
      title: { pt: 'Mate de dentro um processo de fora', gl: 'Mata desde dentro un proceso de fóra' },
      commands: [
        { tab: 0, text: 'ps | grep marca' },
        { tab: 0, text: 'kill $(pidof marca)' },
      ],
      check: { id: 'fixture-killed-from-root', params: { fixture: 'marca', path: ROOTFS } },
      hints: {
        alive: {
          pt: 'A marca continua viva, com o PID {pid}. De dentro do chroot, com o /proc montado, confira com `ps | grep marca` e mande `kill {pid}`.',
          gl: 'A marca segue viva, co PID {pid}. Desde dentro do chroot, co /proc montado, compróbao con `ps | grep marca` e manda `kill {pid}`.',
        },
        starting: {
          pt: 'A marca está sendo iniciada. De dentro do chroot, com o /proc montado, encontre-a com `ps | grep marca` e mande um `kill` para ela.',
          gl: 'A marca está a iniciarse. Desde dentro do chroot, co /proc montado, atópaa con `ps | grep marca` e mándalle un `kill`.',
        },
        'killed-from-outside': {
          pt: 'A marca morreu, mas não pelas mãos de quem está no chroot: o sinal veio do PID {pid}, cuja raiz não é o rootfs (o Terminal B, por exemplo). Já há uma marca nova: mate-a com um `kill` simples, de dentro do chroot, no Terminal A.',
          gl: 'A marca morreu, pero non a mans de quen está no chroot: o sinal veu do PID {pid}, cuxa raíz non é o rootfs (o Terminal B, por exemplo). Xa hai unha marca nova: mátaa cun `kill` simple, desde dentro do chroot, no Terminal A.',
        },
        'killed-untraceable': {
          pt: 'A marca morreu com um sinal que ela não consegue interceptar (um `kill -9`), então não deu para ela anotar quem o mandou. Já há uma marca nova: mate-a com um `kill` simples, sem `-9`, de dentro do chroot, no Terminal A.',
          gl: 'A marca morreu cun sinal que non pode interceptar (un `kill -9`), así que non puido apuntar quen llo mandou. Xa hai unha marca nova: mátaa cun `kill` simple, sen `-9`, desde dentro do chroot, no Terminal A.',
        },
      },
    },
  ],
  quiz,
});
