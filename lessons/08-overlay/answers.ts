import { defineAnswers } from '../types';

// The answer key of lesson 08: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Para o overlay, o `lowerdir` é só de leitura. No passo 2, `lower/baixo.txt` continuou só com `baixo` depois do `echo mudou >>`.',
        gl: 'Para o overlay, o `lowerdir` é só de lectura. No paso 2, `lower/baixo.txt` seguiu só con `baixo` despois do `echo mudou >>`.',
      },
      b: {
        pt: 'Isso. Por isso a mesma imagem serve a vários contêineres: cada um tem o seu `upperdir`, e as camadas de baixo nunca mudam.',
        gl: 'Iso é. Por iso a mesma imaxe vale para varios contedores: cada un ten o seu `upperdir`, e as capas de abaixo nunca cambian.',
      },
      c: {
        pt: 'O `workdir` é rascunho interno do kernel: os arquivos passam por ele, mas terminam no `upperdir`.',
        gl: 'O `workdir` é borrador interno do kernel: os ficheiros pasan por el, pero rematan no `upperdir`.',
      },
      d: {
        pt: 'Elas vão para o `upperdir`, que aqui está num tmpfs. Mesmo assim, continuam lá depois de desmontar o overlay, e só somem quando o tmpfs é desmontado; num disco, ficam.',
        gl: 'Van ao `upperdir`, que aquí está nun tmpfs. Aínda así, seguen alí despois de desmontar o overlay, e só desaparecen cando se desmonta o tmpfs; nun disco, quedan.',
      },
    },
  },
  q2: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'O overlay nunca mexe nas camadas de baixo. No passo 3, `ls lower` ainda mostrava `ambos.txt`.',
        gl: 'O overlay nunca toca as capas de abaixo. No paso 3, `ls lower` aínda amosaba `ambos.txt`.',
      },
      b: {
        pt: 'Esse é o formato das camadas de imagem OCI, empacotadas em tar. O overlay usa um dispositivo 0/0, e quem desempacota a camada converte um no outro.',
        gl: 'Ese é o formato das capas de imaxe OCI, empaquetadas en tar. O overlay usa un dispositivo 0/0, e quen desempaqueta a capa converte un no outro.',
      },
      c: {
        pt: 'Certo: `ls -l upper` mostrou `c--------- … 0, 0 ambos.txt`. Ao ler, o overlay para nesse nome e não desce às camadas de baixo.',
        gl: 'Correcto: `ls -l upper` amosou `c--------- … 0, 0 ambos.txt`. Ao ler, o overlay detense nese nome e non baixa ás capas de abaixo.',
      },
      d: {
        pt: 'Copiar o arquivo todo só para apagá-lo seria desperdício. O whiteout é um nome sem conteúdo: um dispositivo de caractere com número 0/0.',
        gl: 'Copiar o ficheiro enteiro só para borralo sería un desperdicio. O whiteout é un nome sen contido: un dispositivo de carácter co número 0/0.',
      },
    },
  },
  q3: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. Preparar ao lado e depois renomear para dentro do `upperdir` faz cada mudança aparecer inteira ou não aparecer; por isso ele precisa estar no mesmo sistema de arquivos.',
        gl: 'Iso é. Preparar ao lado e despois renomear cara ao `upperdir` fai que cada cambio apareza enteiro ou non apareza; por iso ten que estar no mesmo sistema de ficheiros.',
      },
      b: {
        pt: 'A visão unificada é o ponto de montagem, o `merged`. O `workdir` fica escondido do contêiner.',
        gl: 'A vista unificada é o punto de montaxe, o `merged`. O `workdir` queda agochado do contedor.',
      },
      c: {
        pt: 'As camadas da imagem são os diretórios do `lowerdir`, como `l1` e `l2` no passo 4.',
        gl: 'As capas da imaxe son os cartafoles do `lowerdir`, coma `l1` e `l2` no paso 4.',
      },
      d: {
        pt: 'O overlay não guarda nada para desfazer. O arquivo de baixo continua no `lowerdir` porque o overlay nunca o toca, não porque foi guardado.',
        gl: 'O overlay non garda nada para desfacer. O ficheiro de abaixo segue no `lowerdir` porque o overlay nunca o toca, non porque se gardase.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'O overlay não comprime nada: ele guarda os arquivos como estão, nos sistemas de arquivos de baixo.',
        gl: 'O overlay non comprime nada: garda os ficheiros tal como están, nos sistemas de ficheiros de abaixo.',
      },
      b: {
        pt: 'A demora se repete com qualquer arquivo grande ainda não copiado, com o disco parado ou não. O motivo é o copy-up.',
        gl: 'A demora repítese con calquera ficheiro grande aínda non copiado, estea o disco ocupado ou non. O motivo é a copia cara arriba.',
      },
      c: {
        pt: 'As camadas de baixo nunca recebem escrita. A primeira escrita copia o arquivo para cima, e é essa cópia que demora.',
        gl: 'As capas de abaixo nunca reciben escrituras. A primeira escritura copia o ficheiro cara arriba, e é esa copia a que tarda.',
      },
      d: {
        pt: 'Certo. O copy-on-write do overlay é por arquivo, não por bloco: 1 GB é copiado para mudar uma linha, e o `upperdir` passa a ocupar 1 GB a mais.',
        gl: 'Correcto. A copia ao escribir do overlay é por ficheiro, non por bloque: cópiase 1 GB para cambiar unha liña, e o `upperdir` pasa a ocupar 1 GB máis.',
      },
    },
  },
  q5: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Isso. É a montagem bind da lição 08, feita por cima do `merged`: quem escreve ali escreve direto no diretório do volume.',
        gl: 'Iso é. É a montaxe bind da lección 08, feita por riba do `merged`: quen escribe alí escribe directamente no cartafol do volume.',
      },
      b: {
        pt: 'As camadas de baixo são só de leitura para o contêiner, e um volume aceita escrita. Ele não faz parte da pilha do overlay.',
        gl: 'As capas de abaixo son só de lectura para o contedor, e un volume admite escrituras. Non forma parte da pila do overlay.',
      },
      c: {
        pt: 'O `upperdir` é a camada de escrita do contêiner, e o `docker rm` a apaga junto com ele. Um volume sobrevive ao contêiner justamente por estar fora dela.',
        gl: 'O `upperdir` é a capa de escritura do contedor, e `docker rm` bórraa con el. Un volume sobrevive ao contedor precisamente por estar fóra dela.',
      },
      d: {
        pt: 'O `workdir` é rascunho interno do kernel, que o contêiner nem enxerga. Um volume é montado num diretório dentro do `merged`, por cima do overlay.',
        gl: 'O `workdir` é borrador interno do kernel, que o contedor nin ve. Un volume móntase nun cartafol dentro do `merged`, por riba do overlay.',
      },
    },
  },
});
