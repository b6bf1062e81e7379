import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Um shell do root aberto com `capsh --drop=cap_chown --` roda `chown nobody /tmp/f`. O que acontece?',
      gl: 'Unha shell do root aberta con `capsh --drop=cap_chown --` executa `chown nobody /tmp/f`. Que pasa?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Funciona: o UID continua sendo 0, e o kernel libera qualquer operação ao root antes mesmo de olhar as capabilities.',
          gl: 'Funciona: o UID segue sendo 0, e o kernel permítelle calquera operación ao root antes mesmo de mirar as capabilities.',
        },
      },
      {
        id: 'b',
        text: {
          pt: '`Operation not permitted`: a CAP_CHOWN saiu do limite, e o bash, executado como root, só ganhou o que cabia nele.',
          gl: '`Operation not permitted`: a CAP_CHOWN saíu do límite, e o bash, executado como root, só recibiu o que cabía nel.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `capsh` troca o usuário do shell para `nobody`, e ele não pode mexer em arquivos do root.',
          gl: 'O `capsh` cambia o usuario da shell a `nobody`, e este non pode tocar ficheiros do root.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Falha agora, mas volta a funcionar depois de um `capsh --caps=cap_chown+eip --`, que devolve a capability.',
          gl: 'Falla agora, pero volve funcionar despois dun `capsh --caps=cap_chown+eip --`, que devolve a capability.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Depois de `setcap cap_net_bind_service=+ep /usr/local/bin/perl-porta80`, o aluno abre a porta 80 com esse programa. O que o `setcap` gravou, e onde?',
      gl: 'Despois de `setcap cap_net_bind_service=+ep /usr/local/bin/perl-porta80`, o aluno abre o porto 80 con ese programa. Que gravou o `setcap`, e onde?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O bit setuid, o mesmo do `su`, que faz o programa rodar como root, mas só com a capability pedida.',
          gl: 'O bit setuid, o mesmo do `su`, que fai que o programa se execute como root, pero só coa capability pedida.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Uma regra em `/etc/sudoers` que deixa o aluno rodar esse programa como root, sem senha, só com essa capability.',
          gl: 'Unha regra en `/etc/sudoers` que lle deixa ao aluno executar ese programa como root, sen contrasinal, só con esa capability.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A capability, no atributo estendido `security.capability` do próprio arquivo, que o kernel lê a cada `exec`.',
          gl: 'A capability, no atributo estendido `security.capability` do propio ficheiro, que o kernel le en cada `exec`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Nada no arquivo: o kernel guarda a regra numa tabela na memória, que some no próximo boot.',
          gl: 'Nada no ficheiro: o kernel garda a regra nunha táboa na memoria, que desaparece no seguinte arranque.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'O `/proc/PID/status` de um processo mostra `Seccomp: 2`. O que isso quer dizer?',
      gl: 'O `/proc/PID/status` dun proceso amosa `Seccomp: 2`. Que quere dicir?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Modo filtro: um programa BPF clássico julga cada chamada de sistema (deixa passar, faz falhar ou mata).',
          gl: 'Modo filtro: un programa BPF clásico xulga cada chamada ao sistema (déixaa pasar, fai que falle ou mata).',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Duas chamadas de sistema estão bloqueadas para o processo, e as outras passam sem ser examinadas.',
          gl: 'Hai dúas chamadas ao sistema bloqueadas para o proceso, e as demais pasan sen que ninguén as examine.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'É a versão 2 do seccomp, a atual, que substituiu a versão 1 quando o kernel passou a aceitar filtros BPF.',
          gl: 'É a versión 2 do seccomp, a actual, que substituíu a versión 1 cando o kernel pasou a aceptar filtros BPF.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O processo tem dois filtros empilhados: o da sandbox e o que o próprio shell instalou ao nascer.',
          gl: 'O proceso ten dous filtros empilados: o da sandbox e o que a propia shell instalou ao nacer.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'O que AppArmor e SELinux têm em comum, e em que diferem?',
      gl: 'Que teñen en común AppArmor e SELinux, e en que se diferencian?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Os dois são LSMs, mas o AppArmor cria namespaces para cada programa, e o SELinux limita a memória dos processos rotulados.',
          gl: 'Os dous son LSM, pero AppArmor crea espazos de nomes para cada programa, e SELinux limita a memoria dos procesos etiquetados.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'São o mesmo módulo de controle de acesso obrigatório, com nomes diferentes: AppArmor no Debian e no Ubuntu, SELinux no Fedora e no RHEL.',
          gl: 'Son o mesmo módulo de control de acceso obrigatorio, con nomes distintos: AppArmor en Debian e Ubuntu, SELinux en Fedora e RHEL.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O SELinux é um controlador de cgroup que rotula os grupos, e o AppArmor é um filtro seccomp escrito por caminho de arquivo.',
          gl: 'SELinux é un controlador de cgroup que etiqueta os grupos, e AppArmor é un filtro seccomp escrito por ruta de ficheiro.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'LSMs de controle de acesso obrigatório: negam até a quem tem permissão e capability; o AppArmor usa caminhos, o SELinux, rótulos.',
          gl: 'LSM de control de acceso obrigatorio: negan mesmo a quen ten permiso e capability; AppArmor usa rutas, SELinux, etiquetas.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Qual conjunto de capabilities é o teto do que um processo e os seus descendentes podem ganhar algum dia?',
      gl: 'Que conxunto de capabilities é o teito do que un proceso e os seus descendentes poden gañar algún día?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O efetivo (`CapEff`), o que o kernel consulta a cada operação.',
          gl: 'O efectivo (`CapEff`), o que o kernel consulta en cada operación.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O limite, ou bounding (`CapBnd`).',
          gl: 'O límite, ou bounding (`CapBnd`).',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O ambiente (`CapAmb`), que atravessa cada `exec`.',
          gl: 'O ambiente (`CapAmb`), que atravesa cada `exec`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O herdável (`CapInh`), que os filhos herdam.',
          gl: 'O herdable (`CapInh`), que herdan os fillos.',
        },
      },
    ],
  },
]);
