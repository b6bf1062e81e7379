import { defineAnswers } from '../types';

// The answer key of lesson 01: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'O kernel media o acesso a tudo, mas alguns recursos existem num exemplar só, e todos os processos veem o mesmo: foi isso que o `ps` do chroot mostrou.',
        gl: 'O kernel media no acceso a todo, pero algúns recursos existen nun só exemplar, e todos os procesos ven o mesmo: foi o que amosou o `ps` do chroot.',
      },
      b: {
        pt: 'Isso. A memória de cada processo é privada, mas a tabela de PIDs, as montagens, o hostname, a rede, o IPC e os UIDs são um só para todos. É esse vazamento que os namespaces vão tapar.',
        gl: 'Iso é. A memoria de cada proceso é privada, pero a táboa de PIDs, as montaxes, o hostname, a rede, o IPC e os UIDs son un só para todos. Esa fenda é a que van tapar os espazos de nomes.',
      },
      c: {
        pt: 'Ele isola bastante coisa: cada processo tem a sua própria memória, e o acesso aos arquivos passa por permissões. Só não isola tudo.',
        gl: 'Illa bastantes cousas: cada proceso ten a súa propia memoria, e o acceso aos ficheiros pasa por permisos. Só que non illa todo.',
      },
      d: {
        pt: 'O chroot troca só a raiz dos caminhos. De dentro dele você viu todos os processos e matou um de fora.',
        gl: 'O chroot só cambia a raíz das rutas. Desde dentro del viches todos os procesos e mataches un de fóra.',
      },
    },
  },
  q2: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Cada processo tem o seu próprio espaço de memória; um não lê a memória do outro.',
        gl: 'Cada proceso ten o seu propio espazo de memoria; ningún le a memoria doutro.',
      },
      b: {
        pt: 'Certo: há uma só numeração de processos e um só nome de máquina, e todos os processos veem os mesmos.',
        gl: 'Correcto: hai unha soa numeración de procesos e un só nome de máquina, e todos os procesos ven os mesmos.',
      },
      c: {
        pt: 'O diretório atual é um atributo de cada processo: um `cd` num terminal não muda o do outro.',
        gl: 'O cartafol actual é un atributo de cada proceso: un `cd` nun terminal non cambia o do outro.',
      },
      d: {
        pt: 'Os arquivos abertos (os descritores) pertencem a cada processo; cada um tem a sua lista em `/proc/PID/fd`.',
        gl: 'Os ficheiros abertos (os descritores) pertencen a cada proceso; cada un ten a súa lista en `/proc/PID/fd`.',
      },
    },
  },
  q3: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. Com um kernel próprio, cada VM ganha cópias próprias de todos os recursos globais, e paga por isso em memória e num boot a cada partida.',
        gl: 'Iso é. Cun kernel propio, cada VM ten copias propias de todos os recursos globais, e págao en memoria e nun arranque cada vez.',
      },
      b: {
        pt: 'Não com o KVM: o processador roda o código da VM direto na CPU, e o software só imita os dispositivos e o que o processador manda interceptar. Imitar cada instrução é o que um emulador como o QEMU faz sem KVM, traduzindo o código, e é bem mais lento.',
        gl: 'Non co KVM: o procesador executa o código da VM directamente na CPU, e o software só imita os dispositivos e o que o procesador manda interceptar. Imitar cada instrución é o que fai un emulador coma QEMU sen KVM, traducindo o código, e é moito máis lento.',
      },
      c: {
        pt: 'As duas técnicas convivem bem: rodar contêineres dentro de VMs é muito comum, por exemplo na nuvem.',
        gl: 'As dúas técnicas conviven ben: executar contedores dentro de VMs é moi habitual, por exemplo na nube.',
      },
      d: {
        pt: 'Quem compartilha o kernel da máquina são os contêineres. Cada VM tem o seu.',
        gl: 'Os que comparten o kernel da máquina son os contedores. Cada VM ten o seu.',
      },
    },
  },
  q4: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Não há outro kernel: os contêineres usam o kernel da máquina, e é por isso que nascem tão rápido quanto um processo.',
        gl: 'Non hai outro kernel: os contedores usan o kernel da máquina, e por iso nacen tan rápido coma un proceso.',
      },
      b: {
        pt: 'Exato. O processo age como se tivesse um sistema só seu, mas o kernel é o mesmo de todos, e nenhum hardware é emulado.',
        gl: 'Exacto. O proceso compórtase coma se tivese un sistema só para el, pero o kernel é o mesmo para todos, e non se emula ningún hardware.',
      },
      c: {
        pt: 'O kernel executa programas comuns. Não existe um objeto "contêiner" dentro dele: existem mecanismos, como os namespaces, aplicados a processos.',
        gl: 'O kernel executa programas comúns. Dentro del non existe un obxecto "contedor": existen mecanismos, como os espazos de nomes, aplicados a procesos.',
      },
      d: {
        pt: 'Contêineres funcionam onde houver um kernel Linux, inclusive dentro de VMs.',
        gl: 'Os contedores funcionan onde haxa un kernel Linux, tamén dentro de VMs.',
      },
    },
  },
  q5: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Não havia isolamento de processos para quebrar. O /proc só deixou o `ps` e o `pidof` lerem a tabela de PIDs, que sempre foi a mesma; um `kill` com o número certo funcionaria até sem ele.',
        gl: 'Non había illamento de procesos que romper. O /proc só deixou que `ps` e `pidof` lesen a táboa de PIDs, que sempre foi a mesma; un `kill` co número correcto funcionaría mesmo sen el.',
      },
      b: {
        pt: 'Isso. O kernel entrega o sinal pelo PID, que é global, e só confere a permissão de quem envia; a raiz de cada processo não entra na conta.',
        gl: 'Iso é. O kernel entrega o sinal polo PID, que é global, e só comproba o permiso de quen o envía; a raíz de cada proceso non conta para nada.',
      },
      c: {
        pt: 'O curso iniciou a marca fora do chroot, com a raiz da sandbox. Ela morreu mesmo assim.',
        gl: 'O curso iniciou a marca fóra do chroot, coa raíz da sandbox. Morreu igualmente.',
      },
      d: {
        pt: 'As permissões valeram: quem mandou o sinal era o root da sandbox, que pode sinalizar qualquer processo dela. Um `kill` no Terminal B faria o mesmo.',
        gl: 'Os permisos funcionaron: quen mandou o sinal era o root da sandbox, que pode sinalizar calquera proceso dela. Un `kill` no Terminal B faría o mesmo.',
      },
    },
  },
  q6: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. O /proc é gerado pelo kernel na hora; sem ele montado, o `ps` não tem de onde ler.',
        gl: 'Correcto. O kernel xera o /proc ao momento; se non está montado, o `ps` non ten de onde ler.',
      },
      b: {
        pt: 'O chroot não esconde processo nenhum: depois da montagem apareceram todos, inclusive os de fora.',
        gl: 'O chroot non agocha ningún proceso: despois da montaxe apareceron todos, tamén os de fóra.',
      },
      c: {
        pt: 'Havia pelo menos o shell do chroot e o próprio `ps`. Eles só não apareciam porque o `ps` não tinha um /proc para ler.',
        gl: 'Había polo menos a shell do chroot e o propio `ps`. Só non aparecían porque o `ps` non tiña un /proc que ler.',
      },
      d: {
        pt: 'O `ps` mostra o que encontra no /proc, não importa quando cada processo começou: depois da montagem, ele listou processos bem mais antigos que ele.',
        gl: 'O `ps` amosa o que atopa no /proc, sen importar cando comezou cada proceso: despois da montaxe listou procesos moito máis vellos ca el.',
      },
    },
  },
});
