import { defineAnswers } from '../types';

// The answer key of lesson 09: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O kernel não pergunta se o UID é 0: ele pergunta pela capability. O `chown` exige a CAP_CHOWN, e esse bash não a tem em conjunto nenhum: `CapEff` e `CapBnd` terminam em `e`.',
        gl: 'O kernel non pregunta se o UID é 0: pregunta pola capability. O `chown` esixe a CAP_CHOWN, e ese bash non a ten en ningún conxunto: `CapEff` e `CapBnd` rematan en `e`.',
      },
      b: {
        pt: 'Isso. O `capsh` tirou a CAP_CHOWN só do limite e depois executou o bash; no `exec`, um processo do root recebe no permitido e no efetivo tudo o que cabe no limite, e a CAP_CHOWN já não cabia.',
        gl: 'Iso é. O `capsh` quitou a CAP_CHOWN só do límite e despois executou o bash; no `exec`, un proceso do root recibe no permitido e no efectivo todo o que cabe no límite, e a CAP_CHOWN xa non cabía.',
      },
      c: {
        pt: 'O `--drop` não troca de usuário: `id` continua dizendo `uid=0(root)`. O que mudou foram as capabilities, não o UID.',
        gl: 'O `--drop` non cambia de usuario: `id` segue dicindo `uid=0(root)`. O que cambiou foron as capabilities, non o UID.',
      },
      d: {
        pt: 'O `--caps` só consegue ligar o que está no permitido, e nada volta para o limite depois de sair dele. Nesse bash, o comando responde `Unable to set capabilities`.',
        gl: 'O `--caps` só pode activar o que está no permitido, e nada volve ao límite despois de saír del. Nese bash, a orde responde `Unable to set capabilities`.',
      },
    },
  },
  q2: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Um binário setuid root roda com todas as capabilities do root, e o `ls -l` mostraria um `s` nas permissões. A capability de arquivo dá uma só, e o `ls -l` do `perl-porta80` não muda.',
        gl: 'Un binario setuid root execútase con todas as capabilities do root, e o `ls -l` amosaría un `s` nos permisos. A capability de ficheiro dá unha soa, e o `ls -l` do `perl-porta80` non cambia.',
      },
      b: {
        pt: 'O `sudo` nem entrou na história, e o aluno continuou com UID 1000: o processo tinha só o bit 10 no `CapEff`, `0000000000000400`.',
        gl: 'O `sudo` nin entrou na historia, e o aluno seguiu co UID 1000: o proceso tiña só o bit 10 no `CapEff`, `0000000000000400`.',
      },
      c: {
        pt: 'Certo. Por estar no próprio arquivo, ela some numa cópia sem atributos: `cp` sem `--preserve=xattr` (ou `-a`), ou `tar` sem `--xattrs`, entrega um programa que volta a receber `Permission denied`.',
        gl: 'Correcto. Como está no propio ficheiro, pérdese nunha copia sen atributos: `cp` sen `--preserve=xattr` (ou `-a`), ou `tar` sen `--xattrs`, entrega un programa que volve recibir `Permission denied`.',
      },
      d: {
        pt: 'Está no disco, junto do arquivo: o `getcap` lê o atributo `security.capability`, e uma cópia feita com `cp -a` leva a capability junto.',
        gl: 'Está no disco, xunto ao ficheiro: o `getcap` le o atributo `security.capability`, e unha copia feita con `cp -a` leva a capability consigo.',
      },
    },
  },
  q3: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. `0` é sem seccomp, e `1` é o modo estrito, que só deixa `read`, `write`, `_exit` e `sigreturn`. Quantos filtros há está na linha de baixo, `Seccomp_filters`.',
        gl: 'Iso é. `0` é sen seccomp, e `1` é o modo estrito, que só deixa `read`, `write`, `_exit` e `sigreturn`. Cantos filtros hai está na liña de embaixo, `Seccomp_filters`.',
      },
      b: {
        pt: 'O número é o modo, não uma contagem. O filtro da sandbox sozinho já nega mais de uma dúzia de chamadas, e o shell mostra `Seccomp: 2` do mesmo jeito.',
        gl: 'O número é o modo, non unha conta. O filtro da sandbox só xa nega máis dunha ducia de chamadas, e a shell amosa `Seccomp: 2` igual.',
      },
      c: {
        pt: 'Não há “versão 2” aqui: o campo diz o modo do processo, de 0 a 2.',
        gl: 'Aquí non hai “versión 2”: o campo di o modo do proceso, de 0 a 2.',
      },
      d: {
        pt: 'Quem conta os filtros é o `Seccomp_filters`. Um shell novo da sandbox mostra `Seccomp: 2` com um filtro só; depois do `seccomp-deny`, continua `Seccomp: 2`, e o contador vai a 2.',
        gl: 'Quen conta os filtros é o `Seccomp_filters`. Unha shell nova da sandbox amosa `Seccomp: 2` cun só filtro; despois do `seccomp-deny`, segue `Seccomp: 2`, e o contador pasa a 2.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'Namespaces são criados com `unshare` e `clone`, e a memória é limitada por cgroups. Os LSMs decidem se uma operação é permitida.',
        gl: 'Os espazos de nomes créanse con `unshare` e `clone`, e a memoria limítana os cgroups. Os LSM deciden se unha operación está permitida.',
      },
      b: {
        pt: 'São módulos diferentes, com ideias diferentes: caminhos no AppArmor, rótulos no SELinux. Em geral, um kernel tem no máximo um dos dois ativo.',
        gl: 'Son módulos distintos, con ideas distintas: rutas no AppArmor, etiquetas no SELinux. En xeral, un kernel ten como moito un dos dous activo.',
      },
      c: {
        pt: 'Nenhum dos dois: cgroups contam recursos, o seccomp filtra chamadas de sistema. AppArmor e SELinux aparecem em `/sys/kernel/security/lsm`, na lista dos LSMs.',
        gl: 'Ningún dos dous: os cgroups contan recursos, o seccomp filtra chamadas ao sistema. AppArmor e SELinux aparecen en `/sys/kernel/security/lsm`, na lista dos LSM.',
      },
      d: {
        pt: 'Certo. A regra vem do administrador, não do dono do arquivo, e vale até para o root. O Docker aplica o perfil `docker-default` em hosts com AppArmor e rotula os contêineres em hosts com SELinux.',
        gl: 'Correcto. A regra vén do administrador, non do dono do ficheiro, e vale ata para o root. Docker aplica o perfil `docker-default` en hosts con AppArmor e etiqueta os contedores en hosts con SELinux.',
      },
    },
  },
  q5: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O efetivo é o que o kernel consulta agora. Ele pode crescer até o permitido, e num `exec` de um programa do root volta a encher até o limite.',
        gl: 'O efectivo é o que o kernel consulta agora. Pode medrar ata o permitido, e nun `exec` dun programa do root volve encherse ata o límite.',
      },
      b: {
        pt: 'Isso. Ele só diminui, e os filhos o herdam: nem o root, nem um arquivo com `setcap`, pegam algo que esteja fora dele. Foi o que fechou a `escapa` no último passo.',
        gl: 'Iso é. Só diminúe, e os fillos hérdano: nin o root, nin un ficheiro con `setcap`, collen algo que estea fóra del. Foi o que pechou a `escapa` no último paso.',
      },
      c: {
        pt: 'O ambiente serve para passar capabilities por um `exec` de um programa comum, sem nada no arquivo. Ele não limita nada, e só pode conter o que também está no permitido.',
        gl: 'O ambiente serve para pasar capabilities por un `exec` dun programa común, sen nada no ficheiro. Non limita nada, e só pode conter o que tamén está no permitido.',
      },
      d: {
        pt: 'O herdável diz o que passa por um `exec` quando o arquivo também o pede. Ele não impede o root de receber o resto.',
        gl: 'O herdable di o que pasa por un `exec` cando o ficheiro tamén o pide. Non impide que o root reciba o resto.',
      },
    },
  },
});
