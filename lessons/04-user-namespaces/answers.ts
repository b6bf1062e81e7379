import { defineAnswers } from '../types';

// The answer key of lesson 04: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. Sem mapa, nenhum UID de fora tem nome lá dentro, e o kernel mostra 65534 (`/proc/sys/kernel/overflowuid`) no lugar de cada um.',
        gl: 'Iso é. Sen mapa, ningún UID de fóra ten nome dentro, e o kernel amosa 65534 (`/proc/sys/kernel/overflowuid`) no lugar de cada un.',
      },
      b: {
        pt: 'Não sempre: com `--map-root-user`, o mesmo aluno virou o UID 0 no passo seguinte. O nobody é o que sobra quando não há mapa.',
        gl: 'Non sempre: con `--map-root-user`, o mesmo aluno pasou a ser o UID 0 no paso seguinte. O nobody é o que queda cando non hai mapa.',
      },
      c: {
        pt: 'Ele tem: o `unshare` funcionou e o bash novo está noutro namespace de usuário, como mostra `readlink /proc/$$/ns/user`.',
        gl: 'Teno: o `unshare` funcionou e o bash novo está noutro espazo de nomes de usuario, como amosa `readlink /proc/$$/ns/user`.',
      },
      d: {
        pt: 'Lá fora, o processo continua sendo do UID 1000: `ps -o user,pid,cmd` no Terminal B mostra aluno. O 65534 é só como o UID aparece de dentro.',
        gl: 'Fóra, o proceso segue a ser do UID 1000: `ps -o user,pid,cmd` no Terminal B amosa aluno. O 65534 é só como se ve o UID desde dentro.',
      },
    },
  },
  q2: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'É o contrário: a primeira coluna é o UID de dentro, a segunda o de fora. Se fosse assim, o aluno viraria o root da sandbox.',
        gl: 'É ao revés: a primeira columna é o UID de dentro, a segunda o de fóra. Se fose así, o aluno pasaría a ser o root da sandbox.',
      },
      b: {
        pt: 'A terceira coluna é o tamanho da faixa, e vale 1: só um UID está mapeado. O 1000 é o UID do aluno lá fora.',
        gl: 'A terceira columna é o tamaño do intervalo, e vale 1: só hai un UID mapeado. O 1000 é o UID de aluno fóra.',
      },
      c: {
        pt: 'Certo: dentro, 0; no namespace pai, 1000; e só esse. Qualquer outro UID, lá dentro, aparece como 65534.',
        gl: 'Correcto: dentro, 0; no espazo de nomes pai, 1000; e só ese. Calquera outro UID, dentro, aparece como 65534.',
      },
      d: {
        pt: 'As colunas são UIDs, não PIDs. O dono do namespace é o UID de quem o criou, e ele aparece no mapa como 1000, sim, mas por ser UID.',
        gl: 'As columnas son UIDs, non PIDs. O dono do espazo de nomes é o UID de quen o creou, e aparece no mapa como 1000, si, pero por ser un UID.',
      },
    },
  },
  q3: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O CapEff cheio inclui `CAP_NET_ADMIN`, e o `hostname` pede `CAP_SYS_ADMIN`. O problema é sobre *qual* namespace essas capabilities valem.',
        gl: 'O CapEff cheo inclúe `CAP_NET_ADMIN`, e `hostname` pide `CAP_SYS_ADMIN`. O problema é sobre *que* espazo de nomes valen esas capabilities.',
      },
      b: {
        pt: 'Isso. Todo namespace tem um namespace de usuário dono; com `-u` junto com `-U`, o UTS novo passa a ser do seu, e o `hostname` funciona.',
        gl: 'Iso é. Todo espazo de nomes ten un espazo de nomes de usuario dono; con `-u` xunto con `-U`, o UTS novo pasa a ser do teu, e `hostname` funciona.',
      },
      c: {
        pt: 'O mapa `0 1000 1` está certo, e com ele você é o UID 0 lá dentro. O mesmo mapa serviu no passo seguinte, em que o `hostname` funcionou.',
        gl: 'O mapa `0 1000 1` está ben, e con el es o UID 0 dentro. O mesmo mapa serviu no paso seguinte, no que `hostname` funcionou.',
      },
      d: {
        pt: 'Ele vale de verdade: no passo seguinte, essas mesmas capabilities deixaram você trocar o hostname e montar um proc. Só valem no lugar certo.',
        gl: 'Vale de verdade: no paso seguinte, esas mesmas capabilities deixáronte cambiar o hostname e montar un proc. Só valen no lugar axeitado.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'Foi um root só de dentro. O disco guarda o UID real, o do namespace pai, e o Terminal B lê esse UID sem tradução nenhuma.',
        gl: 'Foi un root só de dentro. O disco garda o UID real, o do espazo de nomes pai, e o Terminal B le ese UID sen ningunha tradución.',
      },
      b: {
        pt: 'O root de dentro existe fora: é o UID 1000, pelo mapa. O nobody aparece na direção contrária, quando um UID de fora não tem tradução dentro.',
        gl: 'O root de dentro existe fóra: é o UID 1000, polo mapa. O nobody aparece na dirección contraria, cando un UID de fóra non ten tradución dentro.',
      },
      c: {
        pt: 'Esse contêiner não tem raiz própria: o `/tmp` é o mesmo da sandbox, e o arquivo aparece dos dois lados.',
        gl: 'Ese contedor non ten raíz propia: o `/tmp` é o mesmo da sandbox, e o ficheiro aparece nos dous lados.',
      },
      d: {
        pt: 'Certo. O kernel traduz o UID na ida e na volta: ao criar, 0 vira 1000; ao listar de dentro, 1000 volta a ser 0.',
        gl: 'Correcto. O kernel traduce o UID á ida e á volta: ao crear, 0 pasa a 1000; ao listar desde dentro, 1000 volve ser 0.',
      },
    },
  },
  q5: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. Há permissões do tipo “todos menos o grupo X”; largar o grupo X seria ganhar um acesso que o aluno não tem lá fora.',
        gl: 'Iso é. Hai permisos do tipo “todos menos o grupo X”; soltar o grupo X sería gañar un acceso que aluno non ten fóra.',
      },
      b: {
        pt: 'Num namespace criado e mapeado por um processo privilegiado no pai, o `setgroups` pode ficar `allow`. O `deny` é o preço do mapa sem privilégio.',
        gl: 'Nun espazo de nomes creado e mapeado por un proceso con privilexios no pai, `setgroups` pode quedar en `allow`. O `deny` é o prezo do mapa sen privilexios.',
      },
      c: {
        pt: 'O `unshare` escreveu `deny` de propósito, antes do gid_map, porque o kernel exige essa ordem.',
        gl: '`unshare` escribiu `deny` a propósito, antes do gid_map, porque o kernel esixe esa orde.',
      },
      d: {
        pt: 'Criar arquivos continua funcionando, como o `touch` do último passo mostrou. Só a chamada `setgroups` fica proibida.',
        gl: 'Crear ficheiros segue a funcionar, como amosou o `touch` do último paso. Só a chamada `setgroups` queda prohibida.',
      },
    },
  },
  q6: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Lá dentro há root, sim: o `id` mostrou uid=0. “Rootless” quer dizer que não é preciso root *fora* para criá-lo.',
        gl: 'Dentro hai root, si: `id` amosou uid=0. “Rootless” quere dicir que non fai falla root *fóra* para crealo.',
      },
      b: {
        pt: 'O nome fala do usuário root, não da raiz dos arquivos. O do passo usa a raiz da sandbox, mas um rootless pode ter rootfs próprio.',
        gl: 'O nome fala do usuario root, non da raíz dos ficheiros. O do paso usa a raíz da sandbox, pero un rootless pode ter rootfs propio.',
      },
      c: {
        pt: 'Certo. É o que o Podman e o Docker rootless fazem, e esta sandbox também: o seu root é um UID sem privilégio na máquina real.',
        gl: 'Correcto. É o que fan Podman e Docker rootless, e esta sandbox tamén: o teu root é un UID sen privilexios na máquina real.',
      },
      d: {
        pt: 'Todo contêiner usa o kernel da máquina; rootless ou não, o que muda são os namespaces e os UIDs.',
        gl: 'Todo contedor usa o kernel da máquina; rootless ou non, o que cambia son os espazos de nomes e os UIDs.',
      },
    },
  },
});
