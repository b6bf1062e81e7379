import { defineLesson } from '../types';

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
          pt: 'Há um namespace de usuário novo, mas quem o criou não foi o usuário {uid}: provavelmente o root da sandbox. Este passo é feito como aluno: rode `su - aluno` no Terminal A e, lá, `unshare --user bash`.',
          gl: 'Hai un espazo de nomes de usuario novo, pero quen o creou non foi o usuario {uid}: probablemente o root da sandbox. Este paso faise como aluno: executa `su - aluno` no Terminal A e, alí, `unshare --user bash`.',
        },
        mapped: {
          pt: 'O processo {pid} já tem um mapa de UIDs: ele nasceu com `-r` (ou `--map-root-user`). Para ver o namespace sem mapa, rode `unshare --user bash`, sem mais opções.',
          gl: 'O proceso {pid} xa ten un mapa de UIDs: naceu con `-r` (ou `--map-root-user`). Para ver o espazo de nomes sen mapa, executa `unshare --user bash`, sen máis opcións.',
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
          pt: 'O contêiner existe, mas não foi o usuário {uid} quem o criou. O objetivo é um contêiner sem root: rode o comando no Terminal A, depois de `su - aluno`.',
          gl: 'O contedor existe, pero non o creou o usuario {uid}. O obxectivo é un contedor sen root: executa a orde no Terminal A, despois de `su - aluno`.',
        },
        'missing-ns': {
          pt: 'O contêiner rootless está de pé, mas sem um namespace {kind} próprio. Saia com `exit` e rode o comando completo: `unshare -U -r -m -p -f -u --mount-proc bash`.',
          gl: 'O contedor rootless está en pé, pero sen un espazo de nomes {kind} propio. Sae con `exit` e executa a orde completa: `unshare -U -r -m -p -f -u --mount-proc bash`.',
        },
      },
    },
  ],
  quiz: [
    {
      id: 'q1',
      prompt: {
        pt: 'Depois de `unshare --user bash`, o `id` mostra `uid=65534(nobody)`. Por quê?',
        gl: 'Despois de `unshare --user bash`, `id` amosa `uid=65534(nobody)`. Por que?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Ninguém escreveu o uid_map ainda: o seu UID não tem tradução lá dentro e aparece como 65534, o de transbordo.',
            gl: 'Aínda ninguén escribiu o uid_map: o teu UID non ten tradución dentro e aparece como 65534, o de desbordamento.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um namespace de usuário sempre transforma quem entra em nobody, até alguém rodar `su` lá dentro.',
            gl: 'Un espazo de nomes de usuario sempre converte en nobody a quen entra, ata que alguén executa `su` dentro.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O aluno não tem permissão para criar namespaces de usuário, e o kernel o rebaixa a nobody em vez de recusar o `unshare`.',
            gl: 'O aluno non ten permiso para crear espazos de nomes de usuario, e o kernel rebáixao a nobody en vez de rexeitar o `unshare`.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O aluno foi trocado de verdade para o usuário nobody da sandbox, e o `ps` do Terminal B mostra isso.',
            gl: 'O aluno cambiouse de verdade ao usuario nobody da sandbox, e o `ps` do Terminal B amósao.',
          },
        },
      ],
    },
    {
      id: 'q2',
      prompt: {
        pt: 'O `/proc/self/uid_map` mostra `0 1000 1`. O que essa linha diz?',
        gl: 'O `/proc/self/uid_map` amosa `0 1000 1`. Que di esa liña?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O UID 1000 de dentro corresponde ao UID 0 de fora, e a faixa tem um UID só.',
            gl: 'O UID 1000 de dentro corresponde ao UID 0 de fóra, e o intervalo ten un só UID.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Mil usuários foram mapeados a partir do UID 0: de 0 a 999 lá dentro, todos com o mesmo UID de fora.',
            gl: 'Mapeáronse mil usuarios a partir do UID 0: do 0 ao 999 dentro, todos eles co mesmo UID de fóra.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O UID 0 de dentro corresponde ao UID 1000 no namespace pai, numa faixa de um só UID.',
            gl: 'O UID 0 de dentro corresponde ao UID 1000 no espazo de nomes pai, nun intervalo dun só UID.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O processo 1000 é o dono do namespace e, enquanto ele viver, tem o UID 0 lá dentro.',
            gl: 'O proceso 1000 é o dono do espazo de nomes e, mentres viva, ten o UID 0 dentro.',
          },
        },
      ],
    },
    {
      id: 'q3',
      prompt: {
        pt: 'Dentro de `unshare --user --map-root-user bash`, o CapEff está cheio, mas `hostname outro-nome` falha. Por quê?',
        gl: 'Dentro de `unshare --user --map-root-user bash`, o CapEff está cheo, pero `hostname outro-nome` falla. Por que?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'O `hostname` precisa de `CAP_NET_ADMIN`, que o `--map-root-user` deixa de fora do CapEff por segurança.',
            gl: '`hostname` precisa `CAP_NET_ADMIN`, que `--map-root-user` deixa fóra do CapEff por seguridade.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Capabilities valem no namespace de usuário do processo, e o UTS ainda é o da sandbox, que pertence a outro.',
            gl: 'As capabilities valen no espazo de nomes de usuario do proceso, e o UTS aínda é o da sandbox, que pertence a outro.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'O uid_map está errado, então o root de dentro não conta: o kernel ainda vê o UID 1000 e recusa a troca.',
            gl: 'O uid_map está mal, así que o root de dentro non conta: o kernel aínda ve o UID 1000 e rexeita o cambio.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O CapEff cheio é só aparência: o kernel nunca o consulta e decide tudo pelo UID real do processo, que lá fora é 1000.',
            gl: 'O CapEff cheo é só aparencia: o kernel nunca o consulta e decide todo polo UID real do proceso, que fóra segue a ser 1000.',
          },
        },
      ],
    },
    {
      id: 'q4',
      prompt: {
        pt: 'Dentro do contêiner rootless, o `ls -l /tmp/criado-dentro` mostra o dono root. E no Terminal B?',
        gl: 'Dentro do contedor rootless, `ls -l /tmp/criado-dentro` amosa como dono root. E no Terminal B?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'root, porque o arquivo foi criado pelo root, e o dono gravado no disco é o mesmo dos dois lados.',
            gl: 'root, porque o ficheiro o creou o root, e o dono gardado no disco é o mesmo nos dous lados.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'nobody, porque o root de dentro não existe fora e o kernel não tem outro nome para mostrar.',
            gl: 'nobody, porque o root de dentro non existe fóra e o kernel non ten outro nome que amosar.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Nenhum: arquivos criados num contêiner não aparecem do lado de fora.',
            gl: 'Ningún: os ficheiros creados nun contedor non aparecen fóra.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'aluno: o kernel gravou o UID 1000, que é o que o UID 0 de dentro significa lá fora.',
            gl: 'aluno: o kernel gardou o UID 1000, que é o que significa fóra o UID 0 de dentro.',
          },
        },
      ],
    },
    {
      id: 'q5',
      prompt: {
        pt: 'Por que o `/proc/self/setgroups` mostra `deny` depois do `--map-root-user`?',
        gl: 'Por que `/proc/self/setgroups` amosa `deny` despois do `--map-root-user`?',
      },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Sem privilégio, só se escreve o gid_map depois de proibir `setgroups`; senão o root de dentro largaria grupos que lhe negam acesso.',
            gl: 'Sen privilexios, só se escribe o gid_map despois de prohibir `setgroups`; se non, o root de dentro soltaría grupos que lle negan acceso.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'O namespace de usuário desliga os grupos suplementares para sempre, em qualquer caso, mesmo quando é o root da máquina quem o cria e mapeia.',
            gl: 'O espazo de nomes de usuario desactiva os grupos suplementarios para sempre, en calquera caso, mesmo cando é o root da máquina quen o crea e mapea.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'É um erro: o `--map-root-user` esqueceu de escrever `allow` no arquivo, e o kernel deixou o valor padrão.',
            gl: 'É un erro: `--map-root-user` esqueceu escribir `allow` no ficheiro, e o kernel deixou o valor por defecto.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'O `deny` bloqueia a criação de arquivos com grupo lá dentro, para nenhum arquivo sair com um GID que não existe fora.',
            gl: 'O `deny` bloquea a creación de ficheiros con grupo dentro, para que ningún ficheiro saia cun GID que non existe fóra.',
          },
        },
      ],
    },
    {
      id: 'q6',
      prompt: { pt: 'O que é um contêiner rootless?', gl: 'Que é un contedor rootless?' },
      options: [
        {
          id: 'a',
          text: {
            pt: 'Um contêiner em que ninguém tem UID 0, nem lá dentro: todos os processos rodam como um usuário comum, sem privilégio.',
            gl: 'Un contedor no que ninguén ten o UID 0, nin sequera dentro: todos os procesos se executan como un usuario común.',
          },
        },
        {
          id: 'b',
          text: {
            pt: 'Um contêiner sem sistema de arquivos raiz próprio, que usa a raiz do host em vez de um rootfs.',
            gl: 'Un contedor sen sistema de ficheiros raíz propio, que usa a raíz do host en vez dun rootfs.',
          },
        },
        {
          id: 'c',
          text: {
            pt: 'Um contêiner criado por um usuário comum: o namespace de usuário dá um root lá dentro que, fora, é só ele.',
            gl: 'Un contedor creado por un usuario común: o espazo de nomes de usuario dá un root dentro que, fóra, é só el.',
          },
        },
        {
          id: 'd',
          text: {
            pt: 'Um contêiner que roda sem kernel por baixo, direto no hardware, e por isso dispensa o root.',
            gl: 'Un contedor que se executa sen kernel debaixo, directamente no hardware, e por iso non precisa o root.',
          },
        },
      ],
    },
  ],
});
