import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'No cgroup v1, o limite de memória de um grupo fica em `memory.limit_in_bytes`. E no v2?',
      gl: 'No cgroup v1, o límite de memoria dun grupo está en `memory.limit_in_bytes`. E no v2?',
    },
    options: [
      { id: 'a', text: { pt: '`memory.high`', gl: '`memory.high`' } },
      { id: 'b', text: { pt: '`memory.max`', gl: '`memory.max`' } },
      { id: 'c', text: { pt: '`memory.limit`', gl: '`memory.limit`' } },
      { id: 'd', text: { pt: '`memory.current`', gl: '`memory.current`' } },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Um processo do grupo `demo` passa do limite, e o kernel não consegue liberar memória do grupo. O que acontece?',
      gl: 'Un proceso do grupo `demo` pasa do límite, e o kernel non consegue liberar memoria do grupo. Que acontece?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O OOM killer mata um processo de dentro do grupo, e o `oom_kill` do grupo sobe; o resto da máquina segue igual.',
          gl: 'O OOM killer mata un proceso de dentro do grupo, e o `oom_kill` do grupo sobe; o resto da máquina segue igual.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O OOM killer da máquina escolhe a vítima entre todos os processos do host, e o que mais gasta morre, esteja onde estiver.',
          gl: 'O OOM killer da máquina escolle a vítima entre todos os procesos do host, e morre o que máis gasta, estea onde estea.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `malloc` seguinte do programa devolve NULL com `ENOMEM`, e cabe ao programa tratar o erro ou sair.',
          gl: 'O seguinte `malloc` do programa devolve NULL con `ENOMEM`, e tócalle ao programa tratar o erro ou saír.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O excesso vai para o swap da máquina, que o cgroup não limita: só a RAM conta para o limite do grupo.',
          gl: 'O exceso vai para o swap da máquina, que o cgroup non limita: só a RAM conta para o límite do grupo.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'No cgroup v1, cada grupo tem um arquivo `tasks` e um `cgroup.procs`. Qual é a diferença?',
      gl: 'No cgroup v1, cada grupo ten un ficheiro `tasks` e un `cgroup.procs`. Cal é a diferenza?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Nenhuma: são dois nomes para a mesma lista de PIDs, mantidos por compatibilidade com ferramentas antigas do v1.',
          gl: 'Ningunha: son dous nomes para a mesma lista de PIDs, mantidos por compatibilidade con ferramentas antigas do v1.',
        },
      },
      {
        id: 'b',
        text: {
          pt: '`tasks` é o nome novo, o do v2, e aceita threads; `cgroup.procs` ficou do v1 por compatibilidade e só aceita processos inteiros.',
          gl: '`tasks` é o nome novo, o do v2, e acepta fíos; `cgroup.procs` quedou do v1 por compatibilidade e só acepta procesos enteiros.',
        },
      },
      {
        id: 'c',
        text: {
          pt: '`cgroup.procs` lista e move processos inteiros, com todas as threads; `tasks` lista e move threads. O v2 não tem `tasks`.',
          gl: '`cgroup.procs` lista e move procesos enteiros, con todos os fíos; `tasks` lista e move fíos. O v2 non ten `tasks`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: '`cgroup.procs` só pode ser lido, é um resumo gerado pelo kernel; para mover um processo, escreve-se o PID dele em `tasks`.',
          gl: '`cgroup.procs` só se pode ler, é un resumo que xera o kernel; para mover un proceso, escríbese o seu PID en `tasks`.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'Como se apaga o grupo `demo`?',
      gl: 'Como se borra o grupo `demo`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Com `rm -r` no diretório dele, que apaga os arquivos de controle e depois o próprio diretório do grupo.',
          gl: 'Con `rm -r` no seu cartafol, que borra os ficheiros de control e despois o propio cartafol do grupo.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Escrevendo `0` no `cgroup.procs` dele, o que esvazia o grupo, e o kernel o apaga quando não sobra ninguém.',
          gl: 'Escribindo `0` no seu `cgroup.procs`, que baleira o grupo, e o kernel bórrao cando non queda ninguén.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Com `umount` no diretório dele: cada grupo é uma montagem própria do sistema de arquivos `cgroup`.',
          gl: 'Con `umount` no seu cartafol: cada grupo é unha montaxe propia do sistema de ficheiros `cgroup`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Com `rmdir`, depois de tirar os processos dele; senão falha com “Device or resource busy”.',
          gl: 'Con `rmdir`, despois de sacar del os procesos; se non, falla con “Device or resource busy”.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Você roda `echo 100000000 > memory.limit_in_bytes` e o `cat` devolve `99999744`. Por quê?',
      gl: 'Executas `echo 100000000 > memory.limit_in_bytes` e o `cat` devolve `99999744`. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O kernel reserva 256 bytes de cada grupo para a própria contabilidade e desconta essa reserva do limite.',
          gl: 'O kernel reserva 256 bytes de cada grupo para a súa propia contabilidade e desconta esa reserva do límite.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O limite de memória da sandbox, que é o grupo pai, comeu a diferença ao ser aplicado ao grupo filho.',
          gl: 'O límite de memoria da sandbox, que é o grupo pai, comeu a diferenza ao aplicarse ao grupo fillo.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O kernel guarda o limite em páginas de 4096 bytes e arredonda para baixo: 24414 páginas são 99999744.',
          gl: 'O kernel garda o límite en páxinas de 4096 bytes e arredonda cara abaixo: 24414 páxinas son 99999744.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O valor passou para MiB e voltou para bytes, e perdeu casas decimais no caminho, como num arredondamento.',
          gl: 'O valor pasou a MiB e volveu a bytes, e perdeu decimais polo camiño, coma nun arredondamento.',
        },
      },
    ],
  },
]);
