import { defineQuiz } from '../types';

export default defineQuiz([
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
]);
