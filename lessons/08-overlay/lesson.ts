import { defineLesson } from '../types';
import quiz from './quiz';

export default defineLesson({
  slug: '08-overlay',
  order: 9,
  title: {
    pt: 'OverlayFS: camadas, copy-on-write e imagens',
    gl: 'OverlayFS: capas, copia ao escribir e imaxes',
  },
  summary: {
    pt: 'Um overlay junta diretórios em camadas: você lê de todos, escreve só no de cima, apagar deixa um whiteout, e dois contêineres dividem a mesma imagem sem que um veja as mudanças do outro.',
    gl: 'Un overlay xunta cartafoles en capas: les de todos, escribes só no de enriba, borrar deixa un whiteout, e dous contedores comparten a mesma imaxe sen que un vexa os cambios do outro.',
  },
  // Step 5 mounts lesson 01's busybox rootfs as the image of two containers: it must be there, untouched.
  prepare: [
    {
      id: 'rootfs',
      title: {
        pt: 'O rootfs do busybox da lição 1 em `/root/rootfs`, intacto: a imagem dos contêineres do passo 5',
        gl: 'O rootfs do busybox da lección 1 en `/root/rootfs`, intacto: a imaxe dos contedores do paso 5',
      },
      commands: [
        { text: 'test -x /root/rootfs/bin/busybox && test -d /root/rootfs/etc && ! test -e /root/rootfs/etc/motd' },
      ],
    },
  ],
  steps: [
    {
      id: 'mount',
      title: { pt: 'Monte um primeiro overlay', gl: 'Monta un primeiro overlay' },
      commands: [
        {
          tab: 0,
          text: 'mkdir -p /root/ov && mount -t tmpfs ov /root/ov && cd /root/ov && mkdir lower upper work merged',
        },
        { tab: 0, text: 'echo baixo > lower/baixo.txt; echo baixo > lower/ambos.txt; echo cima > upper/ambos.txt' },
        {
          tab: 0,
          text: 'mount -t overlay overlay -o lowerdir=/root/ov/lower,upperdir=/root/ov/upper,workdir=/root/ov/work /root/ov/merged',
        },
        { tab: 0, text: 'ls merged; cat merged/ambos.txt' },
      ],
      check: {
        id: 'overlay-mount',
        params: { target: '/root/ov/merged', lower: '/root/ov/lower', upper: '/root/ov/upper' },
      },
      hints: {
        'no-overlay': {
          pt: 'Não há overlay montado em `{target}`. Confira com `findmnt /root/ov` que o tmpfs está lá e rode o `mount -t overlay …` do passo. Se ele disser `wrong fs type`, o upperdir ou o workdir ficou fora do tmpfs: a raiz da sandbox é ela mesma um overlay e não serve de upperdir.',
          gl: 'Non hai ningún overlay montado en `{target}`. Comproba con `findmnt /root/ov` que o tmpfs está alí e executa o `mount -t overlay …` do paso. Se di `wrong fs type`, o upperdir ou o workdir quedou fóra do tmpfs: a raíz da sandbox é ela mesma un overlay e non vale como upperdir.',
        },
        'plain-dir': {
          pt: '`{target}` é só um diretório, dentro do sistema de arquivos `{fstype}` montado em `{under}`: nada foi montado nele ainda. Confira com `findmnt /root/ov` que o tmpfs está lá e rode o `mount -t overlay …` do passo. Se ele disser `wrong fs type`, o upperdir ou o workdir ficou fora do tmpfs: a raiz da sandbox é ela mesma um overlay e não serve de upperdir.',
          gl: '`{target}` é só un cartafol, dentro do sistema de ficheiros `{fstype}` montado en `{under}`: aínda non se montou nada nel. Comproba con `findmnt /root/ov` que o tmpfs está alí e executa o `mount -t overlay …` do paso. Se di `wrong fs type`, o upperdir ou o workdir quedou fóra do tmpfs: a raíz da sandbox é ela mesma un overlay e non vale como upperdir.',
        },
        'not-overlay': {
          pt: '`{target}` é um ponto de montagem, mas do tipo `{fstype}`, não `overlay`. Desmonte com `umount {target}` e rode o `mount -t overlay overlay -o …` do passo.',
          gl: '`{target}` é un punto de montaxe, pero do tipo `{fstype}`, non `overlay`. Desmonta con `umount {target}` e executa o `mount -t overlay overlay -o …` do paso.',
        },
        'wrong-dirs': {
          pt: 'Há um overlay em `{target}`, mas com outros diretórios de baixo e de cima: `{found}`. Desmonte com `umount {target}` e monte de novo com os caminhos absolutos do passo: `lowerdir=/root/ov/lower,upperdir=/root/ov/upper,workdir=/root/ov/work`.',
          gl: 'Hai un overlay en `{target}`, pero con outros cartafoles de abaixo e de enriba: `{found}`. Desmonta con `umount {target}` e monta de novo coas rutas absolutas do paso: `lowerdir=/root/ov/lower,upperdir=/root/ov/upper,workdir=/root/ov/work`.',
        },
      },
      replay: {},
    },
    {
      id: 'copy-up',
      title: {
        pt: 'Copy-on-write: escreva num arquivo de baixo',
        gl: 'Copia ao escribir: escribe nun ficheiro de abaixo',
      },
      commands: [
        { tab: 0, text: 'echo mudou >> merged/baixo.txt' },
        { tab: 0, text: 'cat upper/baixo.txt' },
        { tab: 0, text: 'cat lower/baixo.txt' },
      ],
      check: {
        id: 'overlay-copied-up',
        params: { upperPath: '/root/ov/upper/baixo.txt', lowerPath: '/root/ov/lower/baixo.txt' },
      },
      hints: {
        'no-overlay': {
          pt: 'Nenhum overlay montado agora tem `{upper}` como camada de cima e `{lower}` como de baixo, e só dentro de um a escrita copia o arquivo para cima: um arquivo posto em `{upper}` à mão não é cópia. Monte de novo com o comando do passo 1 e escreva pelo `merged`: `echo mudou >> /root/ov/merged/baixo.txt`.',
          gl: 'Ningún overlay montado agora ten `{upper}` como capa de enriba e `{lower}` como de abaixo, e só dentro dun a escritura copia o ficheiro cara a enriba: un ficheiro posto en `{upper}` á man non é copia. Monta de novo coa orde do paso 1 e escribe polo `merged`: `echo mudou >> /root/ov/merged/baixo.txt`.',
        },
        'no-copy': {
          pt: '`{upperPath}` ainda não existe: nada subiu para a camada de cima. Escreva pelo `merged`, não no `lower`: `echo mudou >> /root/ov/merged/baixo.txt`.',
          gl: '`{upperPath}` aínda non existe: nada subiu á capa de enriba. Escribe polo `merged`, non no `lower`: `echo mudou >> /root/ov/merged/baixo.txt`.',
        },
        'no-lower': {
          pt: '`{lowerPath}` não existe mais, e o arquivo de baixo devia continuar intacto. Desmonte (`umount /root/ov/merged`), recrie-o com `echo baixo > {lowerPath}`, monte de novo com o comando do passo 1 e escreva só pelo `merged`.',
          gl: '`{lowerPath}` xa non existe, e o ficheiro de abaixo debía seguir intacto. Desmonta (`umount /root/ov/merged`), volve crealo con `echo baixo > {lowerPath}`, monta de novo coa orde do paso 1 e escribe só polo `merged`.',
        },
        'not-appended': {
          pt: '`{upperPath}` tem `{found}`, e `{lowerPath}` tem `{lower}`: o de cima devia ser o texto de baixo com mais alguma coisa escrita depois. O arquivo do `lower` foi mudado, ou o `upper` foi escrito direto? Desmonte (`umount /root/ov/merged`), restaure (`echo baixo > /root/ov/lower/baixo.txt; rm -f {upperPath}`), monte de novo com o comando do passo 1 e escreva só pelo `merged`.',
          gl: '`{upperPath}` ten `{found}`, e `{lowerPath}` ten `{lower}`: o de enriba debía ser o texto de abaixo con algo máis escrito despois. Cambiouse o ficheiro do `lower`, ou escribiuse directamente no `upper`? Desmonta (`umount /root/ov/merged`), restaura (`echo baixo > /root/ov/lower/baixo.txt; rm -f {upperPath}`), monta de novo coa orde do paso 1 e escribe só polo `merged`.',
        },
      },
      replay: {},
    },
    {
      id: 'whiteout',
      title: {
        pt: 'Apague um arquivo de baixo: o whiteout',
        gl: 'Borra un ficheiro de abaixo: o whiteout',
      },
      commands: [
        { tab: 0, text: 'rm merged/ambos.txt' },
        { tab: 0, text: 'ls -l upper' },
        { tab: 0, text: 'ls lower merged' },
      ],
      check: {
        id: 'overlay-whiteout',
        params: {
          upperPath: '/root/ov/upper/ambos.txt',
          lowerPath: '/root/ov/lower/ambos.txt',
          mergedPath: '/root/ov/merged/ambos.txt',
        },
      },
      hints: {
        'not-deleted': {
          pt: '`{mergedPath}` ainda aparece. Apague-o pelo `merged`: `rm {mergedPath}`.',
          gl: '`{mergedPath}` aínda aparece. Bórrao polo `merged`: `rm {mergedPath}`.',
        },
        'no-overlay': {
          pt: 'Nenhum overlay montado agora tem `{upper}` como camada de cima e `{lower}` como de baixo, e um whiteout só existe dentro de um. Monte de novo com o comando do passo 1 e apague pelo `merged`: `rm /root/ov/merged/ambos.txt`.',
          gl: 'Ningún overlay montado agora ten `{upper}` como capa de enriba e `{lower}` como de abaixo, e un whiteout só existe dentro dun. Monta de novo coa orde do paso 1 e bórrao polo `merged`: `rm /root/ov/merged/ambos.txt`.',
        },
        'no-whiteout': {
          pt: 'O arquivo sumiu do `merged`, mas `{upperPath}` não é o whiteout, um dispositivo de caractere 0/0 (`c 0, 0` no `ls -l`): ali há `{found}`. O `upper` foi mexido direto? Desmonte (`umount /root/ov/merged`), apague esse arquivo com `rm {upperPath}`, monte de novo com o comando do passo 1 e apague pelo `merged`.',
          gl: 'O ficheiro desapareceu do `merged`, pero `{upperPath}` non é o whiteout, un dispositivo de carácter 0/0 (`c 0, 0` no `ls -l`): alí hai `{found}`. Tocouse directamente no `upper`? Desmonta (`umount /root/ov/merged`), borra ese ficheiro con `rm {upperPath}`, monta de novo coa orde do paso 1 e bórrao polo `merged`.',
        },
        'upper-gone': {
          pt: 'O arquivo sumiu do `merged`, mas não há nada em `{upperPath}`, onde devia estar o whiteout. Ele foi apagado direto no `upper`? Desmonte (`umount /root/ov/merged`), monte de novo com o comando do passo 1 e apague pelo `merged`.',
          gl: 'O ficheiro desapareceu do `merged`, pero non hai nada en `{upperPath}`, onde debía estar o whiteout. Borrouse directamente no `upper`? Desmonta (`umount /root/ov/merged`), monta de novo coa orde do paso 1 e bórrao polo `merged`.',
        },
        'lower-gone': {
          pt: 'Há um whiteout, mas `{lowerPath}` sumiu: o arquivo de baixo devia continuar lá, intacto, só escondido. Recrie-o com `echo baixo > {lowerPath}`; o whiteout continua a escondê-lo no `merged`.',
          gl: 'Hai un whiteout, pero `{lowerPath}` desapareceu: o ficheiro de abaixo debía seguir alí, intacto, só agochado. Volve crealo con `echo baixo > {lowerPath}`; o whiteout segue a agochalo no `merged`.',
        },
      },
      replay: {},
    },
    {
      id: 'layers',
      title: { pt: 'Duas camadas só de leitura', gl: 'Dúas capas só de lectura' },
      commands: [
        { tab: 0, text: 'mkdir -p l1 l2 m2 && echo v1 > l1/app.txt && echo v2 > l2/app.txt' },
        { tab: 0, text: 'mount -t overlay overlay -o lowerdir=/root/ov/l2:/root/ov/l1 /root/ov/m2' },
        { tab: 0, text: 'cat m2/app.txt' },
        { tab: 0, text: 'touch m2/novo' },
      ],
      check: { id: 'overlay-layers', params: { target: '/root/ov/m2', minLowers: 2 } },
      hints: {
        'no-overlay': {
          pt: 'Não há overlay em `{target}`. Em `/root/ov`, rode o `mkdir` do passo e depois `mount -t overlay overlay -o lowerdir=/root/ov/l2:/root/ov/l1 {target}`.',
          gl: 'Non hai ningún overlay en `{target}`. En `/root/ov`, executa o `mkdir` do paso e despois `mount -t overlay overlay -o lowerdir=/root/ov/l2:/root/ov/l1 {target}`.',
        },
        'one-lower': {
          pt: 'O overlay em `{target}` tem um diretório só em `lowerdir`: `{found}`. Desmonte com `umount {target}` e monte com os dois, separados por dois-pontos: `lowerdir=/root/ov/l2:/root/ov/l1`.',
          gl: 'O overlay en `{target}` ten un só cartafol en `lowerdir`: `{found}`. Desmonta con `umount {target}` e monta cos dous, separados por dous puntos: `lowerdir=/root/ov/l2:/root/ov/l1`.',
        },
        'has-upper': {
          pt: 'O overlay em `{target}` tem `upperdir` (`{found}`), então aceita escrita. Este deve ser só de leitura, como uma imagem: desmonte com `umount {target}` e monte só com `-o lowerdir=/root/ov/l2:/root/ov/l1`.',
          gl: 'O overlay en `{target}` ten `upperdir` (`{found}`), así que admite escritura. Este ten que ser só de lectura, coma unha imaxe: desmonta con `umount {target}` e monta só con `-o lowerdir=/root/ov/l2:/root/ov/l1`.',
        },
      },
      replay: { skip: ['touch m2/novo'] },
    },
    {
      id: 'two-containers',
      title: { pt: 'Uma imagem, dois contêineres', gl: 'Unha imaxe, dous contedores' },
      commands: [
        { tab: 0, text: 'mkdir -p /root/c && mount -t tmpfs c /root/c' },
        {
          tab: 0,
          text: 'for c in c1 c2; do mkdir -p /root/c/$c/upper /root/c/$c/work /root/c/$c/merged; mount -t overlay overlay -o lowerdir=/root/rootfs,upperdir=/root/c/$c/upper,workdir=/root/c/$c/work /root/c/$c/merged; done',
        },
        { tab: 0, text: 'echo c1 > /root/c/c1/merged/etc/motd' },
        { tab: 0, text: 'ls /root/c/c1/upper/etc; cat /root/c/c2/merged/etc/motd; ls /root/rootfs/etc' },
        {
          tab: 1,
          text: 'cd /root/c && unshare -m -i -n -p -u -f --mount-proc=c1/merged/proc chroot c1/merged /bin/sh',
        },
      ],
      check: {
        id: 'overlay-shared-image',
        params: {
          lower: '/root/rootfs',
          count: 2,
          filePath: '/root/c/c1/upper/etc/motd',
          otherPath: '/root/c/c2/merged/etc/motd',
          imagePath: '/root/rootfs/etc/motd',
        },
      },
      hints: {
        'too-few': {
          pt: 'Encontrei {found} overlay(s) com `lowerdir={lower}`, e o passo pede {count}. Monte o tmpfs em `/root/c` e rode o laço `for c in c1 c2; do …; done` do passo.',
          gl: 'Atopei {found} overlay(s) con `lowerdir={lower}`, e o paso pide {count}. Monta o tmpfs en `/root/c` e executa o bucle `for c in c1 c2; do …; done` do paso.',
        },
        'no-write': {
          pt: '`{filePath}` não existe. Escreva pelo `merged` do primeiro contêiner: `echo c1 > /root/c/c1/merged/etc/motd`.',
          gl: '`{filePath}` non existe. Escribe polo `merged` do primeiro contedor: `echo c1 > /root/c/c1/merged/etc/motd`.',
        },
        leaked: {
          pt: '`{filePath}` existe, mas a mudança aparece também na imagem (`/root/rootfs`) ou no outro contêiner. Desmonte os dois (`umount /root/c/c1/merged /root/c/c2/merged`), apague as cópias fora do lugar (`rm -f /root/rootfs/etc/motd /root/c/c2/upper/etc/motd`), rode o laço `for` de novo e escreva só pelo `c1/merged`.',
          gl: '`{filePath}` existe, pero o cambio aparece tamén na imaxe (`/root/rootfs`) ou no outro contedor. Desmonta os dous (`umount /root/c/c1/merged /root/c/c2/merged`), borra as copias fóra de sitio (`rm -f /root/rootfs/etc/motd /root/c/c2/upper/etc/motd`), executa de novo o bucle `for` e escribe só polo `c1/merged`.',
        },
      },
    },
  ],
  quiz,
});
