import { defineAnswers } from '../types';

// The answer key of lesson 14: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. Um pacote que chega por uma interface (de outro contêiner, da rede) passa pelo `prerouting`; um que a sandbox cria passa pelo `output`. O Docker põe a regra nos dois caminhos.',
        gl: 'Iso é. Un paquete que chega por unha interface (doutro contedor, da rede) pasa polo `prerouting`; un que crea a sandbox pasa polo `output`. Docker pon a regra nos dous camiños.',
      },
      b: {
        pt: 'O `prerouting` aceita TCP, UDP e o resto: é ali que fica o DNAT de quem chega de fora. O que ele não vê são os pacotes criados na própria sandbox.',
        gl: 'O `prerouting` admite TCP, UDP e o resto: é aí onde vai o DNAT de quen chega de fóra. O que non ve son os paquetes creados na propia sandbox.',
      },
      c: {
        pt: 'É o contrário: o `prerouting` roda antes da rota, e é por isso que um DNAT ali muda para onde o pacote vai. Ele só não vê o que a sandbox cria.',
        gl: 'É ao revés: o `prerouting` execútase antes da ruta, e por iso un DNAT aí cambia cara a onde vai o paquete. Só non ve o que crea a sandbox.',
      },
      d: {
        pt: 'Cada namespace de rede tem os seus próprios ganchos, e a regra que publica fica no de quem recebe a conexão: a sandbox, no Terminal B.',
        gl: 'Cada espazo de nomes de rede ten os seus propios ganchos, e a regra que publica vai no de quen recibe a conexión: a sandbox, no Terminal B.',
      },
    },
  },
  q2: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Um socket não muda de namespace: o servidor continua escutando na porta 80 do contêiner. O que muda é o destino dos pacotes, por uma regra.',
        gl: 'Un socket non cambia de espazo de nomes: o servidor segue escoitando no porto 80 do contedor. O que cambia é o destino dos paquetes, por unha regra.',
      },
      b: {
        pt: 'Certo: `-t nat … --dport 8080 -j DNAT --to-destination 172.17.0.2:80`, a mesma regra que você escreveu com o `nft`. Para o `localhost` o Docker ainda sobe um processo, o `docker-proxy`.',
        gl: 'Correcto: `-t nat … --dport 8080 -j DNAT --to-destination 172.17.0.2:80`, a mesma regra que escribiches co `nft`. Para o `localhost` Docker aínda arranca un proceso, o `docker-proxy`.',
      },
      c: {
        pt: 'O contêiner tem um par veth só, o da `docker0`, e por ele passam todas as portas. Quem escolhe para onde vai a 8080 é a regra DNAT.',
        gl: 'O contedor ten un só par veth, o da `docker0`, e por el pasan todos os portos. Quen escolle cara a onde vai o 8080 é a regra DNAT.',
      },
      d: {
        pt: 'O kernel não lê o `/etc/services`: ele só dá nomes a números para programas. A tradução da porta é uma regra de NAT no host.',
        gl: 'O kernel non le o `/etc/services`: só lles dá nomes a números para os programas. A tradución do porto é unha regra de NAT no host.',
      },
    },
  },
  q3: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'É uma conexão só: a linha tem as duas metades dela. A página volta pela mesma conexão, com a origem trocada de volta para `172.17.0.1:8080`.',
        gl: 'É unha soa conexión: a liña ten as dúas metades dela. A páxina volve pola mesma conexión, coa orixe cambiada outra vez a `172.17.0.1:8080`.',
      },
      b: {
        pt: 'A linha começa com `ipv4`: as duas metades são IPv4. Uma conexão IPv6 teria uma linha própria, começada por `ipv6`.',
        gl: 'A liña comeza por `ipv4`: as dúas metades son IPv4. Unha conexión IPv6 tería unha liña propia, que comezaría por `ipv6`.',
      },
      c: {
        pt: 'Isso. Sem NAT, a segunda metade seria a primeira ao contrário. Como o destino foi trocado, a resposta vem de `172.17.0.2:80`, e o kernel põe `172.17.0.1:8080` de volta nela.',
        gl: 'Iso é. Sen NAT, a segunda metade sería a primeira ao revés. Como se cambiou o destino, a resposta vén de `172.17.0.2:80`, e o kernel volve poñer nela `172.17.0.1:8080`.',
      },
      d: {
        pt: 'O conntrack não guarda regras, só conexões. A regra decide uma vez, no primeiro pacote; os outros seguem o que ficou anotado na linha.',
        gl: 'O conntrack non garda regras, só conexións. A regra decide unha vez, no primeiro paquete; os demais seguen o que quedou anotado na liña.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'O root da sandbox escreve no `/etc/hosts` sem problema. O perigo é outro: o arquivo é o mesmo para a sandbox e para o contêiner.',
        gl: 'O root da sandbox escribe no `/etc/hosts` sen problema. O perigo é outro: o ficheiro é o mesmo para a sandbox e para o contedor.',
      },
      b: {
        pt: 'O `getent` só abre `/etc/hosts` pelo nome; não sabe se há uma montagem ali. A montagem importa para quem mais enxerga o arquivo.',
        gl: 'O `getent` só abre `/etc/hosts` polo nome; non sabe se hai unha montaxe aí. A montaxe importa para quen máis ve o ficheiro.',
      },
      c: {
        pt: 'O kernel nunca lê o `/etc/hosts`: quem lê é a libc do programa, a cada consulta. A edição valeria na hora, mas para a sandbox inteira.',
        gl: 'O kernel nunca le o `/etc/hosts`: quen o le é a libc do programa, en cada consulta. A edición valería ao momento, pero para toda a sandbox.',
      },
      d: {
        pt: 'Certo. O `unshare -m` copiou a tabela de montagens, não os arquivos. O Docker faz igual: monta por cima `hosts`, `hostname` e `resolv.conf` guardados fora da imagem.',
        gl: 'Correcto. O `unshare -m` copiou a táboa de montaxes, non os ficheiros. Docker fai igual: monta por riba `hosts`, `hostname` e `resolv.conf` gardados fóra da imaxe.',
      },
    },
  },
  q5: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Era assim com o velho `--link` na rede padrão. Numa rede criada pelo usuário, o `/etc/hosts` de cada um só tem o próprio nome.',
        gl: 'Era así co vello `--link` na rede predeterminada. Nunha rede creada polo usuario, o `/etc/hosts` de cada un só ten o seu propio nome.',
      },
      b: {
        pt: 'O ARP só traduz endereço IP em endereço MAC; nomes não passam por ele, e o namespace de rede não guarda nome nenhum.',
        gl: 'O ARP só traduce enderezos IP a enderezos MAC; os nomes non pasan por el, e o espazo de nomes de rede non garda ningún nome.',
      },
      c: {
        pt: 'Isso. O `resolv.conf` montado no contêiner aponta para `127.0.0.11`, e uma regra DNAT no namespace dele leva essas consultas ao DNS do Docker.',
        gl: 'Iso é. O `resolv.conf` montado no contedor apunta a `127.0.0.11`, e unha regra DNAT no seu espazo de nomes leva esas consultas ao DNS de Docker.',
      },
      d: {
        pt: 'O hostname de um namespace UTS fica só nele: o kernel não o anuncia a ninguém. Quem responde pelos nomes é um DNS do Docker.',
        gl: 'O hostname dun espazo de nomes UTS queda só nel: o kernel non llo anuncia a ninguén. Quen responde polos nomes é un DNS de Docker.',
      },
    },
  },
});
