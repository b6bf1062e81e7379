import { defineLesson } from '../types';
import quiz from './quiz';

// The image is the OCI layout the base image ships in /root/oci (sandbox-agent/image/oci-layout.sh): three
// gzipped layers of a busybox root, an app, and an update that deletes /etc/motd and replaces /app/conf.
// Unpacked into a tmpfs (an overlay's layers and its user.* attributes need a filesystem of their own; the
// sandbox's root is itself an overlay), one directory per layer, numbered in the manifest's order.
const IMG = '/root/img';
const MERGED = `${IMG}/root`;
const IMAGE_OVERLAY = {
  target: MERGED,
  top: `${IMG}/3`,
  middle: `${IMG}/2`,
  bottom: `${IMG}/1`,
  hidden: `${MERGED}/etc/motd`,
  replaced: `${MERGED}/app/conf/antigo.conf`,
  kept: `${MERGED}/app/conf/novo.conf`,
};
/** Step 2's opaque directory without an attribute: a whiteout for each name layer 2 has in app/conf. */
const PER_ENTRY = `for n in $(ls -A ${IMG}/2/app/conf); do [ -e app/conf/$n ] || mknod app/conf/$n c 0 0; done`;
const MOUNT = `mount -t overlay img -o userxattr,lowerdir=${IMG}/3:${IMG}/2:${IMG}/1 ${MERGED}`;

/** The hints of a step decided on the image's overlay (image-overlay, and image-running before its own). */
const OVERLAY_HINTS = {
  'no-overlay': {
    pt: 'Não há overlay montado em `{target}`. Rode o `mkdir` e o `mount -t overlay` do passo 3, com `userxattr` e as três camadas.',
    gl: 'Non hai ningún overlay montado en `{target}`. Executa o `mkdir` e o `mount -t overlay` do paso 3, con `userxattr` e as tres capas.',
  },
  'other-layers': {
    pt: 'O overlay em `{target}` tem as camadas `{found}`, e não as três da imagem. Desmonte com `umount {target}` e monte com `lowerdir=/root/img/3:/root/img/2:/root/img/1`.',
    gl: 'O overlay de `{target}` ten as capas `{found}`, e non as tres da imaxe. Desmonta con `umount {target}` e monta con `lowerdir=/root/img/3:/root/img/2:/root/img/1`.',
  },
  'wrong-order': {
    pt: 'O overlay em `{target}` tem as três camadas, mas na ordem `{found}`: no `lowerdir` a primeira é a de cima, a última do manifesto. Desmonte (`umount {target}`) e monte com `lowerdir=/root/img/3:/root/img/2:/root/img/1`.',
    gl: 'O overlay de `{target}` ten as tres capas, pero na orde `{found}`: no `lowerdir` a primeira é a de enriba, a última do manifesto. Desmonta (`umount {target}`) e monta con `lowerdir=/root/img/3:/root/img/2:/root/img/1`.',
  },
  'file-shown': {
    pt: '`{path}` ainda aparece pelo overlay: a camada 3 não tem o whiteout dele. Desmonte, faça o `mknod` do passo 2 e monte de novo.',
    gl: '`{path}` aínda aparece polo overlay: a capa 3 non ten o seu whiteout. Desmonta, fai o `mknod` do paso 2 e monta de novo.',
  },
  'not-opaque': {
    pt: '`{path}`, da camada 2, ainda aparece pelo overlay: o `app/conf` da camada 3 não está opaco para este overlay, nem tem um whiteout com esse nome. Ele tem o atributo `user.overlay.opaque` (passo 2), e o `mount` levou `userxattr`? Ou, sem o atributo, há em `/root/img/3/app/conf` um `c 0, 0` para cada arquivo do `app/conf` da camada 2 (o laço `for` do passo 2)? Desmonte, corrija e monte com o comando do passo.',
    gl: '`{path}`, da capa 2, aínda aparece polo overlay: o `app/conf` da capa 3 non é opaco para este overlay, nin ten un whiteout con ese nome. Ten o atributo `user.overlay.opaque` (paso 2), e o `mount` levou `userxattr`? Ou, sen o atributo, hai en `/root/img/3/app/conf` un `c 0, 0` para cada ficheiro do `app/conf` da capa 2 (o bucle `for` do paso 2)? Desmonta, corrixe e monta coa orde do paso.',
  },
  'no-new': {
    pt: '`{path}`, da camada 3, não aparece pelo overlay. Confira com `ls /root/img/3/app/conf` se a camada 3 ainda está inteira.',
    gl: '`{path}`, da capa 3, non aparece polo overlay. Comproba con `ls /root/img/3/app/conf` se a capa 3 segue enteira.',
  },
} as const;

export default defineLesson({
  slug: '16-oci-image',
  order: 17,
  title: { pt: 'Uma imagem a partir das camadas', gl: 'Unha imaxe a partir das capas' },
  summary: {
    pt: 'O que um `docker pull` baixa, feito à mão: ler o índice, o manifesto e a configuração de uma imagem OCI, conferir os digests, desempacotar as camadas, converter os apagados em whiteouts e diretórios opacos do overlay e rodar o comando da imagem.',
    gl: 'O que descarga un `docker pull`, feito a man: ler o índice, o manifesto e a configuración dunha imaxe OCI, comprobar os digests, desempaquetar as capas, converter os borrados en whiteouts e cartafoles opacos do overlay e executar a orde da imaxe.',
  },
  steps: [
    {
      id: 'unpack',
      title: { pt: 'Índice, manifesto, configuração e camadas', gl: 'Índice, manifesto, configuración e capas' },
      commands: [
        { tab: 0, text: 'cd /root/oci && cat oci-layout && jq . index.json' },
        { tab: 0, text: "M=/root/oci/blobs/sha256/$(jq -r '.manifests[0].digest' index.json | cut -d: -f2); jq . $M" },
        { tab: 0, text: 'sha256sum $M' },
        { tab: 0, text: "C=/root/oci/blobs/sha256/$(jq -r .config.digest $M | cut -d: -f2); jq '.config, .rootfs' $C" },
        { tab: 0, text: `mkdir -p ${IMG} && mount -t tmpfs img ${IMG}` },
        {
          tab: 0,
          text: `n=0; for d in $(jq -r '.layers[].digest' $M | cut -d: -f2); do n=$((n+1)); echo "$d  blobs/sha256/$d" | sha256sum -c && mkdir ${IMG}/$n && tar -xzf blobs/sha256/$d -C ${IMG}/$n; done`,
        },
        { tab: 0, text: `ls -la ${IMG}/3/etc ${IMG}/3/app/conf` },
      ],
      check: {
        id: 'image-unpacked',
        params: {
          l1: `${IMG}/1/etc/motd`,
          l2: `${IMG}/2/app/conf/antigo.conf`,
          l3: `${IMG}/3/app/conf/novo.conf`,
          busybox: `${IMG}/1/bin/busybox`,
          origin: '/usr/bin/busybox',
        },
      },
      hints: {
        missing: {
          pt: 'Não existe o arquivo `{path}`: a camada dele ainda não foi desempacotada ali. Rode o `mount -t tmpfs` e o laço `for` do passo, em `/root/oci`, depois das linhas que definem `M`.',
          gl: 'Non existe o ficheiro `{path}`: a súa capa aínda non se desempaquetou alí. Executa o `mount -t tmpfs` e o bucle `for` do paso, en `/root/oci`, despois das liñas que definen `M`.',
        },
        'other-text': {
          pt: '`{path}` existe, mas tem `{found}`, e não o que a camada traz: foi escrito à mão, ou as camadas foram para diretórios trocados? Desmonte com `umount /root/img` e rode de novo o `mount` e o laço do passo, que numera as camadas na ordem do manifesto.',
          gl: '`{path}` existe, pero ten `{found}`, e non o que trae a capa: escribiuse a man, ou as capas foron a cartafoles trocados? Desmonta con `umount /root/img` e executa de novo o `mount` e o bucle do paso, que numera as capas na orde do manifesto.',
        },
        'no-busybox': {
          pt: 'Em `{path}` há `{found}`, e não o BusyBox da camada 1, que tem o tamanho do `/usr/bin/busybox` de que a imagem foi feita ({size} bytes). Uma camada é o tar inteiro: desmonte com `umount /root/img` e rode o laço do passo.',
          gl: 'En `{path}` hai `{found}`, e non o BusyBox da capa 1, que ten o tamaño do `/usr/bin/busybox` do que se fixo a imaxe ({size} bytes). Unha capa é o tar enteiro: desmonta con `umount /root/img` e executa o bucle do paso.',
        },
      },
    },
    {
      id: 'whiteouts',
      title: { pt: 'Os apagados do OCI viram os do overlay', gl: 'Os borrados do OCI pasan a ser os do overlay' },
      commands: [
        { tab: 0, text: `cd ${IMG}/3 && find . -name '.wh.*'` },
        { tab: 0, text: 'rm etc/.wh.motd && mknod etc/motd c 0 0' },
        // Where a tmpfs takes no user.* attribute (before Linux 6.6) setfattr fails, and the same merged view comes
        // without one: a whiteout for each entry the lower layers have in the directory (layer 1 has no /app) that
        // layer 3 does not have. Never both: overlay lists an opaque directory as it is, whiteouts included.
        {
          tab: 0,
          text: `rm app/conf/.wh..wh..opq && { setfattr -n user.overlay.opaque -v y app/conf || ${PER_ENTRY}; }`,
        },
        { tab: 0, text: 'ls -l etc app/conf; getfattr -d -m - app/conf' },
      ],
      check: {
        id: 'image-whiteouts',
        params: {
          kept: `${IMG}/3/app/conf/novo.conf`,
          whiteout: `${IMG}/3/etc/motd`,
          marker: `${IMG}/3/etc/.wh.motd`,
          opaqueMarker: `${IMG}/3/app/conf/.wh..wh..opq`,
        },
      },
      hints: {
        'no-layer': {
          pt: '`{path}`, o arquivo da camada 3, não está lá. Refaça o passo 1: a camada 3 precisa estar desempacotada em `/root/img/3`.',
          gl: '`{path}`, o ficheiro da capa 3, non está alí. Repite o paso 1: a capa 3 ten que estar desempaquetada en `/root/img/3`.',
        },
        'whiteout-missing': {
          pt: 'Ainda não há nada em `{path}`: o whiteout do `motd` não foi criado. Em `/root/img/3`, rode `rm etc/.wh.motd && mknod etc/motd c 0 0`.',
          gl: 'Aínda non hai nada en `{path}`: o whiteout do `motd` non se creou. En `/root/img/3`, executa `rm etc/.wh.motd && mknod etc/motd c 0 0`.',
        },
        'no-whiteout': {
          pt: 'Em `{path}` há `{found}` (como o `ls -l` começaria a linha), e não um dispositivo de caractere `c 0, 0`. Em `/root/img/3`, rode `rm -f etc/motd etc/.wh.motd && mknod etc/motd c 0 0`.',
          gl: 'En `{path}` hai `{found}` (como comezaría a liña o `ls -l`), e non un dispositivo de carácter `c 0, 0`. En `/root/img/3`, executa `rm -f etc/motd etc/.wh.motd && mknod etc/motd c 0 0`.',
        },
        'marker-left': {
          pt: 'O whiteout está lá, mas `{path}` continua na camada: o overlay não sabe o que é um `.wh.` e o mostraria como um arquivo comum. Apague-o com `rm {path}` (e, para o `.wh..wh..opq`, ponha o atributo com o `setfattr` do passo ou, se ele responder `Operation not supported`, rode o laço `for` dos whiteouts).',
          gl: 'O whiteout está alí, pero `{path}` segue na capa: o overlay non sabe que é un `.wh.` e amosaríao coma un ficheiro corrente. Bórrao con `rm {path}` (e, para o `.wh..wh..opq`, pon o atributo co `setfattr` do paso ou, se responde `Operation not supported`, executa o bucle `for` dos whiteouts).',
        },
      },
    },
    {
      id: 'mount',
      title: { pt: 'As camadas num overlay, na ordem do manifesto', gl: 'As capas nun overlay, na orde do manifesto' },
      commands: [
        { tab: 0, text: `cd /root && mkdir ${MERGED}` },
        { tab: 0, text: MOUNT },
        { tab: 0, text: `findmnt ${MERGED}; ls ${MERGED}/etc ${MERGED}/app/conf` },
      ],
      check: { id: 'image-overlay', params: IMAGE_OVERLAY },
      hints: OVERLAY_HINTS,
    },
    {
      id: 'run',
      title: { pt: 'O comando da imagem, na raiz dela', gl: 'A orde da imaxe, na súa raíz' },
      commands: [
        { tab: 0, text: "jq -c '.config' $C" },
        { tab: 0, text: `chroot ${MERGED} /bin/env PATH=/bin /bin/sh -c 'cd /app && exec /bin/sh /app/run.sh'` },
        { tab: 1, text: 'readlink /proc/$(pgrep -n -x sh)/root /proc/$(pgrep -n -x sh)/cwd' },
        { tab: 0, text: 'exit' },
        { tab: 0, text: `umount ${MERGED} ${IMG}` },
      ],
      check: { id: 'image-running', params: IMAGE_OVERLAY },
      hints: {
        ...OVERLAY_HINTS,
        'not-running': {
          pt: 'O overlay em `{target}` está certo, mas nenhum processo tem a raiz nele. No Terminal A, rode o `chroot …` do passo e deixe o shell da imagem aberto.',
          gl: 'O overlay de `{target}` está ben, pero ningún proceso ten a raíz nel. No Terminal A, executa o `chroot …` do paso e deixa aberta a shell da imaxe.',
        },
      },
    },
  ],
  quiz,
});
