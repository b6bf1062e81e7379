import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'O `index.json` aponta para o manifesto pelo digest `sha256:…`. O que o `sha256sum` do blob garante?',
      gl: 'O `index.json` apunta ao manifesto polo digest `sha256:…`. Que garante o `sha256sum` do blob?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Que o blob foi assinado pelo autor da imagem, com uma chave que o registro publica junto com ela.',
          gl: 'Que o blob o asinou o autor da imaxe, cunha chave que o rexistro publica xunto con ela.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Que os bytes são os que o digest nomeia: o nome do arquivo é o próprio hash do conteúdo.',
          gl: 'Que os bytes son os que nomea o digest: o nome do ficheiro é o propio hash do contido.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Que o tar da camada, já descompactado, tem os mesmos arquivos que a camada tinha no registro.',
          gl: 'Que o tar da capa, xa descomprimido, ten os mesmos ficheiros que a capa tiña no rexistro.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Que a imagem roda nesta arquitetura, porque o hash leva o `architecture` da configuração dentro.',
          gl: 'Que a imaxe funciona nesta arquitectura, porque o hash leva dentro o `architecture` da configuración.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'A camada 3 traz um arquivo vazio `etc/.wh.motd`. O que acontece se ele for para o overlay sem conversão?',
      gl: 'A capa 3 trae un ficheiro baleiro `etc/.wh.motd`. Que pasa se vai ao overlay sen conversión?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O overlay lê o prefixo `.wh.` e esconde o `motd` das camadas de baixo, como faria o Docker.',
          gl: 'O overlay le o prefixo `.wh.` e agocha o `motd` das capas de abaixo, como faría Docker.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O `mount` recusa as camadas, porque um nome começado por `.wh.` é reservado para o kernel.',
          gl: 'O `mount` rexeita as capas, porque un nome que empeza por `.wh.` está reservado para o kernel.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O `motd` da camada 1 continua visível, e o `.wh.motd` aparece junto, como um arquivo comum.',
          gl: 'O `motd` da capa 1 segue visible, e o `.wh.motd` aparece ao seu carón, coma un ficheiro corrente.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'O `motd` some, mas o diretório `etc` inteiro também some, porque o marcador vale para a pasta.',
          gl: 'O `motd` desaparece, pero tamén desaparece o cartafol `etc` enteiro, porque o marcador vale para el.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: {
      pt: 'Por que o `mount` do passo 3 leva `userxattr`?',
      gl: 'Por que o `mount` do paso 3 leva `userxattr`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Sem ele o overlay fica só de leitura, e a imagem precisa de escrita para rodar o comando dela.',
          gl: 'Sen el o overlay queda só de lectura, e a imaxe precisa escritura para executar a súa orde.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Para o overlay aceitar camadas num tmpfs, que não guarda atributos `trusted.*` de espécie alguma.',
          gl: 'Para que o overlay acepte capas nun tmpfs, que non garda atributos `trusted.*` de ningunha clase.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Para ler os donos dos arquivos dos tar, gravados nas camadas como atributos `user.*`.',
          gl: 'Para ler os donos dos ficheiros dos tar, gardados nas capas como atributos `user.*`.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Aqui o root não grava `trusted.*`; com ele, o overlay lê o opaco de `user.overlay.opaque`.',
          gl: 'Aquí o root non grava `trusted.*`; con el, o overlay le o opaco de `user.overlay.opaque`.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'O manifesto lista as camadas 1, 2 e 3, da base para a atualização. Como elas entram no `lowerdir`?',
      gl: 'O manifesto lista as capas 1, 2 e 3, da base á actualización. Como entran no `lowerdir`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: '`lowerdir=1:2:3`, na ordem do manifesto, porque o overlay empilha cada diretório sobre o anterior.',
          gl: '`lowerdir=1:2:3`, na orde do manifesto, porque o overlay empilla cada cartafol sobre o anterior.',
        },
      },
      {
        id: 'b',
        text: {
          pt: '`lowerdir=3:2:1`: o primeiro da lista é o de cima, e a última camada tem de vencer.',
          gl: '`lowerdir=3:2:1`: o primeiro da lista é o de enriba, e a última capa ten que gañar.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Em qualquer ordem: as camadas de uma imagem nunca têm o mesmo caminho, então nada se sobrepõe.',
          gl: 'En calquera orde: as capas dunha imaxe nunca teñen o mesmo camiño, así que nada se sobrepón.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Só a camada 3 entra como `lowerdir`; as outras duas vão juntas no `upperdir` do contêiner.',
          gl: 'Só a capa 3 entra como `lowerdir`; as outras dúas van xuntas no `upperdir` do contedor.',
        },
      },
    ],
  },
]);
