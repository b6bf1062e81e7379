import { defineAnswers } from '../types';

// The answer key of lesson 10: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Não há hardware nenhum: as duas pontas são criadas pelo kernel com `ip link add … type veth`, e a sandbox nem tem placa de rede.',
        gl: 'Non hai hardware ningún: o kernel crea os dous extremos con `ip link add … type veth`, e a sandbox nin sequera ten tarxeta de rede.',
      },
      b: {
        pt: 'Isso. Cada ponta é uma interface comum, que pertence a um namespace só; o par é o fio entre elas. Foi por ele que o `ping` passou.',
        gl: 'Iso é. Cada extremo é unha interface normal, que pertence a un só espazo de nomes; o par é o fío entre eles. Foi por el por onde pasou o `ping`.',
      },
      c: {
        pt: 'Regras de firewall ficam no iptables ou no nftables. O veth é uma interface, que aparece no `ip link`.',
        gl: 'As regras de firewall están en iptables ou en nftables. O veth é unha interface, que aparece no `ip link`.',
      },
      d: {
        pt: 'Uma interface pertence a um namespace só. Depois do `ip link set ceth0 netns`, o `ceth0` sumiu da sandbox; o que existe nos dois lados são duas interfaces, uma em cada ponta.',
        gl: 'Unha interface pertence a un só espazo de nomes. Despois do `ip link set ceth0 netns`, o `ceth0` desapareceu da sandbox; o que hai nos dous lados son dúas interfaces, unha en cada extremo.',
      },
    },
  },
  q2: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. Com a bridge, a sandbox tem uma interface só na sub-rede, e a bridge entrega cada quadro na porta certa pelo endereço MAC.',
        gl: 'Correcto. Coa bridge, a sandbox ten unha soa interface na subrede, e a bridge entrega cada trama no porto correcto polo enderezo MAC.',
      },
      b: {
        pt: 'Aceitam: o kernel põe um endereço da mesma sub-rede em cada ponta sem reclamar (o `veth0` teve `10.200.0.1/24` nos três primeiros passos) e cria uma rota `/24` para cada uma. O problema está nessas duas rotas, não nos endereços.',
        gl: 'Admíteos: o kernel pon un enderezo da mesma subrede en cada extremo sen queixarse (o `veth0` tivo `10.200.0.1/24` nos tres primeiros pasos) e crea unha ruta `/24` para cada un. O problema está nesas dúas rutas, non nos enderezos.',
      },
      c: {
        pt: 'Uma bridge não cifra nada: ela só repassa quadros Ethernet de uma porta para outra, como um switch.',
        gl: 'Unha bridge non cifra nada: só reenvía tramas Ethernet dun porto a outro, coma un switch.',
      },
      d: {
        pt: 'Não há esse limite: a sandbox ficou com `veth0` e `veth1`, as pontas de dois pares. O problema dos dois endereços `/24` da mesma sub-rede está nas rotas que eles criam.',
        gl: 'Non hai ese límite: a sandbox quedou con `veth0` e `veth1`, os extremos de dous pares. O problema dos dous enderezos `/24` da mesma subrede está nas rutas que crean.',
      },
    },
  },
  q3: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'Ligar a interface só deixa o contêiner falar com a própria sub-rede. Para qualquer outro destino ele nem tem rota: `Network is unreachable`.',
        gl: 'Acender a interface só deixa o contedor falar coa súa subrede. Para calquera outro destino nin sequera ten ruta: `Network is unreachable`.',
      },
      b: {
        pt: 'O DNS traduz nomes em endereços, mas não leva pacote nenhum: sem rota e sem NAT, o endereço traduzido continua inalcançável.',
        gl: 'O DNS traduce nomes a enderezos, pero non leva ningún paquete: sen ruta e sen NAT, o enderezo traducido segue sendo inalcanzable.',
      },
      c: {
        pt: 'Isso. A rota leva o pacote até o host, o `ip_forward` deixa o host repassá-lo para outra interface, e o MASQUERADE faz a resposta voltar para o host, que a devolve ao contêiner.',
        gl: 'Iso é. A ruta leva o paquete ata o host, o `ip_forward` deixa que o host o reenvíe a outra interface, e o MASQUERADE fai que a resposta volva ao host, que lla devolve ao contedor.',
      },
      d: {
        pt: 'A bridge só liga as pontas que você pôs nela com `master`. A placa da máquina fica de fora, e o caminho até ela passa pelo roteamento do host.',
        gl: 'A bridge só liga os extremos que lle metiches con `master`. A tarxeta da máquina queda fóra, e o camiño ata ela pasa polo encamiñamento do host.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'Foi criado: o `ip link` no mesmo shell mostra `ceth0`, que não existe na sandbox. Quem está desatualizado é o `/sys`.',
        gl: 'Creouse: o `ip link` na mesma shell amosa `ceth0`, que non existe na sandbox. O que non está ao día é o `/sys`.',
      },
      b: {
        pt: 'Um par veth só leva pacotes. O `veth0` aparece ali porque o `/sys` que você lê é o da sandbox.',
        gl: 'Un par veth só leva paquetes. O `veth0` aparece aí porque o `/sys` que les é o da sandbox.',
      },
      c: {
        pt: 'Pode esperar quanto quiser: a lista não muda. Um `mount -t sysfs sysfs /sys` dentro de um `unshare -m` mostra a lista certa na hora.',
        gl: 'Podes agardar canto queiras: a lista non cambia. Un `mount -t sysfs sysfs /sys` dentro dun `unshare -m` amosa a lista correcta ao momento.',
      },
      d: {
        pt: 'Certo. Por isso, para olhar um namespace de rede, use o `ip` dentro dele (ou `nsenter -t PID -n ip …`) e não o `/sys`.',
        gl: 'Correcto. Por iso, para mirar un espazo de nomes de rede, usa o `ip` dentro del (ou `nsenter -t PID -n ip …`) e non o `/sys`.',
      },
    },
  },
  q5: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'É o contrário: `none` é o que cria um namespace, e `host` é o que não cria.',
        gl: 'É ao revés: `none` é o que crea un espazo de nomes, e `host` é o que non o crea.',
      },
      b: {
        pt: 'Isso. O `none` é o seu Terminal A antes do par veth; o `host` é um contêiner que nunca fez `unshare -n`: as portas dele já são as do host, e o `-p` não tem o que publicar.',
        gl: 'Iso é. O `none` é o teu Terminal A antes do par veth; o `host` é un contedor que nunca fixo `unshare -n`: os seus portos xa son os do host, e o `-p` non ten nada que publicar.',
      },
      c: {
        pt: 'Só o modo `bridge`, o padrão, cria um par veth e o liga na `docker0`. Os outros dois não usam bridge nenhuma.',
        gl: 'Só o modo `bridge`, o predeterminado, crea un par veth e lígao á `docker0`. Os outros dous non usan ningunha bridge.',
      },
      d: {
        pt: 'Só o `none` deixa o contêiner sem rede. Com `host`, ele tem toda a rede do host, sem isolamento nenhum.',
        gl: 'Só o `none` deixa o contedor sen rede. Con `host`, ten toda a rede do host, sen ningún illamento.',
      },
    },
  },
});
