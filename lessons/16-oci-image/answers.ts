import { defineAnswers } from '../types';

// The answer key of the lesson "an image from a registry's layers": only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Um digest não é assinatura: qualquer um calcula o mesmo hash. Ele garante que os bytes são os nomeados; quem os assinou é outra camada (cosign, Notary).',
        gl: 'Un digest non é unha sinatura: calquera calcula o mesmo hash. Garante que os bytes son os nomeados; quen os asinou é outra cousa (cosign, Notary).',
      },
      b: {
        pt: 'Isso. Num layout OCI o blob se chama pelo hash do que contém, então um byte trocado no caminho dá outro hash, e o `sha256sum -c` falha.',
        gl: 'Iso é. Nun layout OCI o blob chámase polo hash do que contén, así que un byte trocado polo camiño dá outro hash, e o `sha256sum -c` falla.',
      },
      c: {
        pt: 'O digest da camada é do `.tar.gz` como está no disco. O hash do tar descompactado é o `diff_id`, que fica na configuração, em `rootfs.diff_ids`.',
        gl: 'O digest da capa é do `.tar.gz` tal como está no disco. O hash do tar descomprimido é o `diff_id`, que vai na configuración, en `rootfs.diff_ids`.',
      },
      d: {
        pt: 'O hash só diz que os bytes são aqueles. A arquitetura está escrita na configuração (e, numa imagem de várias, no índice), e é o runtime que a compara com a máquina.',
        gl: 'O hash só di que os bytes son eses. A arquitectura vai escrita na configuración (e, nunha imaxe de varias, no índice), e é o runtime quen a compara coa máquina.',
      },
    },
  },
  q2: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'O overlay não conhece a convenção `.wh.` do OCI: para ele, apagado é um dispositivo 0/0. Por isso quem desempacota a camada faz a conversão.',
        gl: 'O overlay non coñece a convención `.wh.` do OCI: para el, borrado é un dispositivo 0/0. Por iso quen desempaqueta a capa fai a conversión.',
      },
      b: {
        pt: 'Nenhum nome é reservado; o `mount` aceita a camada. O `.wh.motd` só não significa nada para o overlay, que o mostra como arquivo.',
        gl: 'Ningún nome está reservado; o `mount` acepta a capa. O `.wh.motd` só non significa nada para o overlay, que o amosa coma un ficheiro.',
      },
      c: {
        pt: 'Certo. Para o overlay é um arquivo vazio qualquer: nada esconde o `motd` de baixo, e o `ls /etc` mostra os dois.',
        gl: 'Correcto. Para o overlay é un ficheiro baleiro calquera: nada agocha o `motd` de abaixo, e o `ls /etc` amosa os dous.',
      },
      d: {
        pt: 'Um `.wh.NOME` vale só para o nome que ele leva. Quem esconde um diretório inteiro é o `.wh..wh..opq`, e mesmo ele só precisa de conversão para valer.',
        gl: 'Un `.wh.NOME` vale só para o nome que leva. Quen agocha un cartafol enteiro é o `.wh..wh..opq`, e mesmo el precisa conversión para valer.',
      },
    },
  },
  q3: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'O overlay sem `upperdir` é só de leitura com ou sem `userxattr`, e o comando da imagem roda assim. O `userxattr` muda de onde vêm os atributos do overlay.',
        gl: 'O overlay sen `upperdir` é só de lectura con ou sen `userxattr`, e a orde da imaxe execútase así. O `userxattr` cambia de onde veñen os atributos do overlay.',
      },
      b: {
        pt: 'O overlay monta sobre o tmpfs sem `userxattr` também (experimente). Sem ele, porém, procura `trusted.overlay.opaque`, que o root de um namespace de usuário não pode gravar.',
        gl: 'O overlay monta sobre o tmpfs tamén sen `userxattr` (próbao). Sen el, porén, busca `trusted.overlay.opaque`, que o root dun espazo de nomes de usuario non pode gravar.',
      },
      c: {
        pt: 'Os donos vêm do próprio tar e ficam no inode, como em qualquer arquivo. O `userxattr` diz ao overlay que leia os atributos dele em `user.overlay.*`.',
        gl: 'Os donos veñen do propio tar e quedan no inode, coma en calquera ficheiro. O `userxattr` dille ao overlay que lea os seus atributos en `user.overlay.*`.',
      },
      d: {
        pt: 'Isso. `setfattr -n trusted.overlay.opaque` dá `Operation not permitted` aqui; com `userxattr` o overlay procura `user.overlay.opaque`, que o root da sandbox grava.',
        gl: 'Iso é. `setfattr -n trusted.overlay.opaque` dá `Operation not permitted` aquí; con `userxattr` o overlay busca `user.overlay.opaque`, que o root da sandbox grava.',
      },
    },
  },
  q4: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Ao contrário: no `lowerdir` o primeiro é o de cima. Com `1:2:3`, a base vence, o `motd` volta e o `antigo.conf` reaparece.',
        gl: 'Ao revés: no `lowerdir` o primeiro é o de enriba. Con `1:2:3`, gaña a base, o `motd` volve e o `antigo.conf` reaparece.',
      },
      b: {
        pt: 'Certo. O manifesto vai da base para cima, e o `lowerdir` de cima para baixo: a lista se inverte.',
        gl: 'Correcto. O manifesto vai da base cara a enriba, e o `lowerdir` de enriba cara a abaixo: a lista invértese.',
      },
      c: {
        pt: 'As camadas se sobrepõem justamente onde importa: `etc` e `app/conf` existem em várias, e é a ordem que decide o whiteout e o opaco.',
        gl: 'As capas sobrepóñense xusto onde importa: `etc` e `app/conf` existen en varias, e é a orde a que decide o whiteout e o opaco.',
      },
      d: {
        pt: 'Todas as camadas da imagem são só de leitura e entram no `lowerdir`. O `upperdir` de um contêiner começa vazio e é só dele.',
        gl: 'Todas as capas da imaxe son só de lectura e entran no `lowerdir`. O `upperdir` dun contedor comeza baleiro e é só seu.',
      },
    },
  },
});
