import { defineLesson } from '../types';
import quiz from './quiz';

// The unprivileged user of the sandbox's base image.
const ALUNO = 1000;

export default defineLesson({
  slug: '04-user-namespaces',
  order: 4,
  title: {
    pt: 'Namespaces de usuário e contêineres rootless',
    gl: 'Espazos de nomes de usuario e contedores rootless',
  },
  summary: {
    pt: 'Como usuário comum, você vira root dentro de um namespace de usuário: o uid_map traduz os UIDs, as capabilities valem só sobre o que esse namespace possui, e um contêiner inteiro nasce sem root de verdade.',
    gl: 'Como usuario común, pasas a ser root dentro dun espazo de nomes de usuario: o uid_map traduce os UIDs, as capabilities só valen sobre o que ese espazo de nomes posúe, e un contedor enteiro nace sen root de verdade.',
  },
  steps: [
    {
      id: 'nobody',
      title: { pt: 'Um namespace de usuário sem mapa', gl: 'Un espazo de nomes de usuario sen mapa' },
      commands: [
        { tab: 0, text: 'su - aluno' },
        { tab: 0, text: 'unshare --user bash' },
        { tab: 0, text: 'id' },
      ],
      check: { id: 'userns-unmapped', params: { uid: ALUNO } },
      hints: {
        'no-userns': {
          pt: 'Nenhum processo do `aluno` está num namespace de usuário novo. No Terminal A, rode `su - aluno` e, como aluno, `unshare --user bash`; deixe esse bash aberto.',
          gl: 'Ningún proceso de `aluno` está nun espazo de nomes de usuario novo. No Terminal A, executa `su - aluno` e, como aluno, `unshare --user bash`; deixa ese bash aberto.',
        },
        'not-aluno': {
          pt: 'Há um namespace de usuário novo, mas o processo nele é do usuário {found}, não do {uid} (o 0 é o root da sandbox). Este passo é feito como aluno: rode `su - aluno` no Terminal A e, lá, `unshare --user bash`.',
          gl: 'Hai un espazo de nomes de usuario novo, pero o proceso nel é do usuario {found}, non do {uid} (o 0 é o root da sandbox). Este paso faise como aluno: executa `su - aluno` no Terminal A e, alí, `unshare --user bash`.',
        },
        mapped: {
          pt: 'O processo {pid} já tem um mapa de UIDs, `{found}`: ele nasceu com `-r` (ou `--map-root-user`). Para ver o namespace sem mapa, rode `unshare --user bash`, sem mais opções.',
          gl: 'O proceso {pid} xa ten un mapa de UIDs, `{found}`: naceu con `-r` (ou `--map-root-user`). Para ver o espazo de nomes sen mapa, executa `unshare --user bash`, sen máis opcións.',
        },
      },
    },
    {
      id: 'map-root',
      title: { pt: 'Root lá dentro: uid_map e capabilities', gl: 'Root alí dentro: uid_map e capabilities' },
      commands: [
        { tab: 0, text: 'exit' },
        { tab: 0, text: 'unshare --user --map-root-user bash' },
        { tab: 0, text: 'id; cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups' },
        { tab: 1, text: 'grep Cap /proc/$(pgrep -n -u aluno bash)/status' },
      ],
      check: { id: 'userns-root-map', params: { uid: ALUNO } },
      hints: {
        'no-userns': {
          pt: 'Nenhum processo do `aluno` está num namespace de usuário novo. Como aluno, no Terminal A, rode `unshare --user --map-root-user bash`.',
          gl: 'Ningún proceso de `aluno` está nun espazo de nomes de usuario novo. Como aluno, no Terminal A, executa `unshare --user --map-root-user bash`.',
        },
        'no-map': {
          pt: 'O namespace de usuário existe, mas ainda não tem uid_map: ninguém escreveu um mapa para ele. Saia com `exit` e rode `unshare --user --map-root-user bash` como aluno.',
          gl: 'O espazo de nomes de usuario existe, pero aínda non ten uid_map: ninguén lle escribiu un mapa. Sae con `exit` e executa `unshare --user --map-root-user bash` como aluno.',
        },
        'no-root-map': {
          pt: 'O namespace de usuário existe, mas o uid_map dele é `{found}`, não `0 1000 1`. Saia com `exit` e rode `unshare --user --map-root-user bash` como aluno.',
          gl: 'O espazo de nomes de usuario existe, pero o seu uid_map é `{found}`, non `0 1000 1`. Sae con `exit` e executa `unshare --user --map-root-user bash` como aluno.',
        },
      },
    },
    {
      id: 'hostname',
      title: { pt: 'Um hostname que é seu', gl: 'Un hostname que é teu' },
      commands: [
        { tab: 0, text: 'hostname outro-nome' },
        { tab: 0, text: 'exit' },
        { tab: 0, text: 'unshare -U -r -u bash' },
        { tab: 0, text: 'hostname rootless-demo' },
      ],
      check: { id: 'uts-hostname', params: { hostname: 'rootless-demo' } },
      hints: {
        'no-new-uts': {
          pt: 'Nenhum processo tem ainda um namespace UTS próprio com o nome novo. Como aluno, rode `unshare -U -r -u bash` e, dentro, `hostname rootless-demo`.',
          gl: 'Aínda ningún proceso ten un espazo de nomes UTS propio co nome novo. Como aluno, executa `unshare -U -r -u bash` e, dentro, `hostname rootless-demo`.',
        },
        'wrong-name': {
          pt: 'O namespace UTS novo existe, mas lá dentro o nome é `{found}`. No bash do `unshare -U -r -u`, rode `hostname rootless-demo`.',
          gl: 'O espazo de nomes UTS novo existe, pero dentro o nome é `{found}`. No bash do `unshare -U -r -u`, executa `hostname rootless-demo`.',
        },
        'sandbox-renamed': {
          pt: 'Quem se chama `{found}` agora é a própria sandbox: o `hostname` rodou como root no Terminal B, fora de um namespace UTS novo. No Terminal B, devolva à sandbox o nome original (o `gaiola-…` do prompt ao conectar); depois troque o nome no Terminal A, como aluno, dentro do `unshare -U -r -u bash`.',
          gl: 'Quen se chama `{found}` agora é a propia sandbox: o `hostname` executouse como root no Terminal B, fóra dun espazo de nomes UTS novo. No Terminal B, devólvelle á sandbox o nome orixinal (o `gaiola-…` do prompt ao conectar); despois cambia o nome no Terminal A, como aluno, dentro do `unshare -U -r -u bash`.',
        },
      },
    },
    {
      id: 'rootless',
      title: { pt: 'Um contêiner rootless', gl: 'Un contedor rootless' },
      commands: [
        { tab: 0, text: 'exit' },
        { tab: 0, text: 'unshare -U -r -m -p -f -u --mount-proc bash' },
        { tab: 0, text: 'ps aux' },
        { tab: 0, text: 'touch /tmp/criado-dentro; ls -l /tmp/criado-dentro' },
        { tab: 1, text: 'ls -l /tmp/criado-dentro' },
      ],
      check: { id: 'rootless-init', params: { uid: ALUNO } },
      hints: {
        'no-init': {
          pt: 'Nenhum processo é o PID 1 de um namespace de PID criado dentro de um namespace de usuário novo. Como aluno, no Terminal A, rode `unshare -U -r -m -p -f -u --mount-proc bash`.',
          gl: 'Ningún proceso é o PID 1 dun espazo de nomes de PID creado dentro dun espazo de nomes de usuario novo. Como aluno, no Terminal A, executa `unshare -U -r -m -p -f -u --mount-proc bash`.',
        },
        'not-aluno': {
          pt: 'O contêiner existe, mas o PID 1 dele é do usuário {found}, não do {uid}. O objetivo é um contêiner sem root: rode o comando no Terminal A, depois de `su - aluno`.',
          gl: 'O contedor existe, pero o seu PID 1 é do usuario {found}, non do {uid}. O obxectivo é un contedor sen root: executa a orde no Terminal A, despois de `su - aluno`.',
        },
        'missing-ns': {
          pt: 'O contêiner rootless está de pé, mas sem um namespace {kind} próprio. Saia com `exit` e rode o comando completo: `unshare -U -r -m -p -f -u --mount-proc bash`.',
          gl: 'O contedor rootless está en pé, pero sen un espazo de nomes {kind} propio. Sae con `exit` e executa a orde completa: `unshare -U -r -m -p -f -u --mount-proc bash`.',
        },
      },
    },
  ],
  quiz,
});
