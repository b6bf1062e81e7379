import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'O `wget http://172.17.0.1:8080/` do Terminal B só chegou ao contêiner por causa da cadeia `output`. Por que uma regra em `prerouting` não bastaria?',
      gl: 'O `wget http://172.17.0.1:8080/` do Terminal B só chegou ao contedor por mor da cadea `output`. Por que non abondaría unha regra en `prerouting`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O `prerouting` só vê pacotes que chegam por uma interface; os que a própria sandbox cria passam pelo `output`.',
          gl: 'O `prerouting` só ve paquetes que chegan por unha interface; os que crea a propia sandbox pasan polo `output`.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O `prerouting` só aceita regras de UDP; para TCP o nftables exige uma cadeia de tipo `nat` no gancho `output`.',
          gl: 'O `prerouting` só admite regras de UDP; para TCP o nftables esixe unha cadea de tipo `nat` no gancho `output`.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `prerouting` roda depois da escolha da rota, tarde demais para trocar o destino de um pacote que já tem interface.',
          gl: 'O `prerouting` execútase despois de escoller a ruta, tarde de máis para cambiar o destino dun paquete que xa ten interface.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O `prerouting` pertence ao namespace do contêiner, e a regra teria de ser criada no Terminal A, dentro do `unshare`.',
          gl: 'O `prerouting` pertence ao espazo de nomes do contedor, e a regra tería que crearse no Terminal A, dentro do `unshare`.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Com a configuração padrão do Docker, o que o `docker run -p 8080:80 imagem` põe no kernel do host?',
      gl: 'Coa configuración predeterminada de Docker, que pon no kernel do host o `docker run -p 8080:80 imaxe`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Move o socket do servidor, que escuta na porta 80, do namespace de rede do contêiner para o do host, na porta 8080.',
          gl: 'Move o socket do servidor, que escoita no porto 80, do espazo de nomes de rede do contedor ao do host, no porto 8080.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Uma regra DNAT na tabela `nat` do host, que troca o destino `:8080` pelo endereço do contêiner na porta 80.',
          gl: 'Unha regra DNAT na táboa `nat` do host, que cambia o destino `:8080` polo enderezo do contedor no porto 80.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Um segundo par veth só para a porta 8080, que liga a placa de rede do host direto ao `eth0` do contêiner.',
          gl: 'Un segundo par veth só para o porto 8080, que liga a tarxeta de rede do host directamente ao `eth0` do contedor.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Uma linha `8080 -> 80` no `/etc/services` do contêiner, que o kernel lê ao aceitar cada conexão que chega ao host.',
          gl: 'Unha liña `8080 -> 80` no `/etc/services` do contedor, que o kernel le ao aceptar cada conexión que chega ao host.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'No `/proc/net/nf_conntrack` da sandbox, a conexão aparece com `dst=172.17.0.1 … dport=8080` e depois `src=172.17.0.2 … sport=80`. O que é a segunda metade?',
      gl: 'No `/proc/net/nf_conntrack` da sandbox, a conexión aparece con `dst=172.17.0.1 … dport=8080` e despois `src=172.17.0.2 … sport=80`. Que é a segunda metade?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Uma segunda conexão, que o servidor do contêiner abriu de volta para a sandbox para mandar a página pedida.',
          gl: 'Unha segunda conexión, que o servidor do contedor abriu de volta cara á sandbox para mandar a páxina pedida.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'A mesma conexão vista pelo IPv6, que o kernel registra junto com a de IPv4 para cada endereço da interface.',
          gl: 'A mesma conexión vista polo IPv6, que o kernel rexistra xunto coa de IPv4 para cada enderezo da interface.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A resposta esperada, vinda de onde o DNAT mandou o pacote; o kernel a desfaz para o `wget` ver `:8080`.',
          gl: 'A resposta agardada, que vén de onde o DNAT mandou o paquete; o kernel desfaina para que o `wget` vexa `:8080`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O texto da regra `dnat to 172.17.0.2:80`, que o nftables copia para cada conexão que casou com ela.',
          gl: 'O texto da regra `dnat to 172.17.0.2:80`, que o nftables copia en cada conexión que casou con ela.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'Por que montar um arquivo por cima do `/etc/hosts` do contêiner, em vez de simplesmente editá-lo lá dentro?',
      gl: 'Por que montar un ficheiro por riba do `/etc/hosts` do contedor, en vez de simplemente editalo aí dentro?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O `/etc/hosts` é só leitura para o root de um namespace de usuário, e só uma montagem bind consegue trocá-lo.',
          gl: 'O `/etc/hosts` é só de lectura para o root dun espazo de nomes de usuario, e só unha montaxe bind consegue cambialo.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O `getent` só consulta arquivos que são pontos de montagem, e ignora um `/etc/hosts` que seja um arquivo comum.',
          gl: 'O `getent` só consulta ficheiros que son puntos de montaxe, e ignora un `/etc/hosts` que sexa un ficheiro normal.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'A edição funcionaria, mas o kernel só relê o `/etc/hosts` quando o namespace de rede é criado de novo.',
          gl: 'A edición funcionaría, pero o kernel só volve ler o `/etc/hosts` cando o espazo de nomes de rede se crea de novo.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O arquivo ainda é o da sandbox: editá-lo muda a sandbox; a montagem só existe no namespace do contêiner.',
          gl: 'O ficheiro aínda é o da sandbox: editalo cambia a sandbox; a montaxe só existe no espazo de nomes do contedor.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Numa rede criada com `docker network create`, um contêiner acha o outro pelo nome (`ping db`). Como?',
      gl: 'Nunha rede creada con `docker network create`, un contedor atopa o outro polo nome (`ping db`). Como?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O Docker reescreve o `/etc/hosts` de todos os contêineres da rede cada vez que um deles nasce ou morre.',
          gl: 'Docker reescribe o `/etc/hosts` de todos os contedores da rede cada vez que un deles nace ou morre.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O namespace de rede guarda uma tabela de nomes, e a bridge a repassa por ARP para cada contêiner ligado nela.',
          gl: 'O espazo de nomes de rede garda unha táboa de nomes, e a bridge pásaa por ARP a cada contedor ligado nela.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `resolv.conf` de cada um aponta para `127.0.0.11`, um DNS do próprio Docker que conhece os contêineres.',
          gl: 'O `resolv.conf` de cada un apunta a `127.0.0.11`, un DNS do propio Docker que coñece os contedores.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O kernel usa o hostname de cada namespace UTS como nome de rede, e o anuncia a toda a sub-rede.',
          gl: 'O kernel usa o hostname de cada espazo de nomes UTS como nome de rede, e anúnciao a toda a subrede.',
        },
      },
    ],
  },
]);
