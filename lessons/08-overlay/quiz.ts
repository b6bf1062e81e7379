import { defineQuiz } from '../types';

export default defineQuiz([
  {
    id: 'q1',
    prompt: {
      pt: 'Para onde vão as escritas feitas através de `merged`?',
      gl: 'A onde van as escrituras feitas a través de `merged`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Para o `lowerdir`, no próprio arquivo de onde ele veio, que o overlay abre com escrita.',
          gl: 'Ao `lowerdir`, no propio ficheiro de onde veu, que o overlay abre con escritura.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Para o `upperdir`, a única camada que o overlay modifica.',
          gl: 'Ao `upperdir`, a única capa que o overlay modifica.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Para o `workdir`, onde ficam guardadas até o overlay ser desmontado.',
          gl: 'Ao `workdir`, onde quedan gardadas ata que se desmonta o overlay.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Só para a memória: somem quando o overlay é desmontado.',
          gl: 'Só á memoria: desaparecen cando se desmonta o overlay.',
        },
      },
    ],
  },
  {
    id: 'q2',
    prompt: {
      pt: 'Você apaga pelo `merged` um arquivo que existe no `lowerdir`. O que aparece no `upperdir`?',
      gl: 'Borras polo `merged` un ficheiro que existe no `lowerdir`. Que aparece no `upperdir`?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Nada: o arquivo é apagado do `lowerdir`, e o `upperdir` só recebe arquivos novos ou alterados.',
          gl: 'Nada: o ficheiro bórrase do `lowerdir`, e o `upperdir` só recibe ficheiros novos ou modificados.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'Um arquivo de texto vazio chamado `.wh.` mais o nome do apagado, que esconde o de baixo.',
          gl: 'Un ficheiro de texto baleiro chamado `.wh.` máis o nome do borrado, que agocha o de abaixo.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Um whiteout: um dispositivo de caractere 0/0 com o mesmo nome; o arquivo de baixo fica intacto.',
          gl: 'Un whiteout: un dispositivo de carácter 0/0 co mesmo nome; o ficheiro de abaixo queda intacto.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Uma cópia do arquivo, com as permissões zeradas, que o overlay passa a esconder em todas as listagens.',
          gl: 'Unha copia do ficheiro, cos permisos a cero, que o overlay pasa a agochar en todas as listaxes.',
        },
      },
    ],
  },
  {
    id: 'q3',
    prompt: { pt: 'Para que serve o `workdir`?', gl: 'Para que serve o `workdir`?' },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Um diretório vazio, no sistema de arquivos do `upperdir`, onde o kernel prepara cópias e whiteouts antes de movê-los.',
          gl: 'Un cartafol baleiro, no sistema de ficheiros do `upperdir`, onde o kernel prepara copias e whiteouts antes de movelos.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'É onde fica a visão unificada das camadas, a árvore que o contêiner enxerga como a sua raiz.',
          gl: 'É onde está a vista unificada das capas, a árbore que o contedor ve como a súa raíz.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'Guarda as camadas da imagem, descompactadas, para o overlay montá-las quando o contêiner sobe.',
          gl: 'Garda as capas da imaxe, descomprimidas, para que o overlay as monte cando arrinca o contedor.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Guarda uma cópia dos arquivos apagados pelo `merged`, para poder desfazer um `rm` enquanto o overlay continuar montado.',
          gl: 'Garda unha copia dos ficheiros borrados a través do `merged`, para poder desfacer un `rm` mentres o overlay estea montado.',
        },
      },
    ],
  },
  {
    id: 'q4',
    prompt: {
      pt: 'Num contêiner, acrescentar uma linha a um arquivo de 1 GB da imagem demora na primeira vez e é instantâneo nas seguintes. Por quê?',
      gl: 'Nun contedor, engadir unha liña a un ficheiro de 1 GB da imaxe tarda a primeira vez e é instantáneo nas seguintes. Por que?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'O overlay guarda os arquivos grandes comprimidos e, na primeira escrita, precisa descomprimi-los na memória.',
          gl: 'O overlay garda comprimidos os ficheiros grandes e, na primeira escritura, ten que descomprimilos enteiros na memoria.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'O disco estava ocupado na primeira vez, e depois o arquivo já estava no cache de páginas do kernel.',
          gl: 'O disco estaba ocupado a primeira vez, e despois o ficheiro xa estaba na caché de páxinas do kernel.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'O kernel remonta a camada de baixo com escrita, grava a linha e depois a volta para só leitura.',
          gl: 'O kernel remonta a capa de abaixo con escritura, grava a liña e despois vólvea a só lectura.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'A primeira escrita copia o arquivo inteiro para o `upperdir` (copy-up); as seguintes vão direto na cópia.',
          gl: 'A primeira escritura copia o ficheiro enteiro ao `upperdir` (copia cara arriba); as seguintes van directas á copia.',
        },
      },
    ],
  },
  {
    id: 'q5',
    prompt: {
      pt: 'Onde ficam os volumes do Docker em relação ao overlay do contêiner?',
      gl: 'Onde están os volumes de Docker en relación co overlay do contedor?',
    },
    options: [
      {
        id: 'a',
        text: {
          pt: 'Montagens bind por cima da raiz do contêiner: fora do overlay e do copy-up, e sobrevivem ao contêiner.',
          gl: 'Montaxes bind por riba da raíz do contedor: fóra do overlay e da copia cara arriba, e sobreviven ao contedor.',
        },
      },
      {
        id: 'b',
        text: {
          pt: 'São mais um diretório no `lowerdir`, empilhado acima das camadas da imagem, onde o contêiner lê e grava.',
          gl: 'Son un cartafol máis no `lowerdir`, empillado enriba das capas da imaxe, onde o contedor le e escribe os datos.',
        },
      },
      {
        id: 'c',
        text: {
          pt: 'São o próprio `upperdir`: cada volume é a camada de escrita de um contêiner, guardada depois que ele sai.',
          gl: 'Son o propio `upperdir`: cada volume é a capa de escritura dun contedor, que se garda despois de que saia.',
        },
      },
      {
        id: 'd',
        text: {
          pt: 'Ficam dentro do `workdir`, que o Docker preserva entre execuções para o contêiner achar os dados.',
          gl: 'Están dentro do `workdir`, que Docker conserva entre execucións para que o contedor atope os datos.',
        },
      },
    ],
  },
]);
