import { defineLesson } from '../types';
import quiz from './quiz';

export default defineLesson({
  slug: '09-security',
  order: 10,
  title: {
    pt: 'Segurança: capabilities, seccomp e LSMs',
    gl: 'Seguridade: capabilities, seccomp e LSM',
  },
  summary: {
    pt: 'O poder do root é uma lista de capabilities: você tira uma de um shell, dá outra a um arquivo, filtra chamadas de sistema com seccomp, fecha a fuga do chroot e aprende a ver qual LSM está ativo.',
    gl: 'O poder do root é unha lista de capabilities: quitas unha a unha shell, dás outra a un ficheiro, filtras chamadas ao sistema con seccomp, pechas a fuga do chroot e aprendes a ver que LSM está activo.',
  },
  steps: [
    {
      id: 'drop-chown',
      title: { pt: 'Um root sem CAP_CHOWN', gl: 'Un root sen CAP_CHOWN' },
      commands: [
        { tab: 1, text: 'capsh --print | head -3' },
        { tab: 1, text: 'grep Cap /proc/$$/status' },
        { tab: 0, text: 'capsh --drop=cap_chown --' },
        { tab: 0, text: 'touch /tmp/f && chown nobody /tmp/f' },
        { tab: 0, text: 'grep Cap /proc/$$/status' },
        { tab: 0, text: 'exit' },
      ],
      check: { id: 'cap-dropped', params: { cap: 0 } },
      hints: {
        'none-dropped': {
          pt: 'Nenhum processo do root da sandbox está sem a capability {cap} (CAP_CHOWN) no `CapBnd` e no `CapEff`: os `CapBnd` deles são `{found}`. No Terminal A, rode `capsh --drop=cap_chown --` e, no bash que ele abre, `grep Cap /proc/$$/status`: o `CapBnd` deve terminar em `e`, não em `f`.',
          gl: 'Ningún proceso do root da sandbox está sen a capability {cap} (CAP_CHOWN) no `CapBnd` e no `CapEff`: os seus `CapBnd` son `{found}`. No Terminal A, executa `capsh --drop=cap_chown --` e, no bash que abre, `grep Cap /proc/$$/status`: o `CapBnd` debe rematar en `e`, non en `f`.',
        },
      },
    },
    {
      id: 'file-cap',
      title: { pt: 'Uma capability num arquivo', gl: 'Unha capability nun ficheiro' },
      commands: [
        { tab: 1, text: 'cp /usr/bin/perl /usr/local/bin/perl-porta80' },
        { tab: 1, text: 'setcap cap_net_bind_service=+ep /usr/local/bin/perl-porta80' },
        { tab: 1, text: 'getcap /usr/local/bin/perl-porta80' },
        { tab: 0, text: 'su - aluno' },
        // `my $s =` keeps the socket open: without it perl closes the listener at once and sleeps with no port.
        {
          tab: 0,
          text: `perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(LocalPort => 80, Listen => 1) or die "$!\\n"'`,
        },
        {
          tab: 0,
          text: `/usr/local/bin/perl-porta80 -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(LocalPort => 80, Listen => 1) or die "$!\\n"; sleep 600' &`,
        },
        { tab: 0, text: 'grep CapEff /proc/$!/status' },
      ],
      check: { id: 'file-cap-used', params: { cap: 10, uid: 1000 } },
      hints: {
        'no-process': {
          pt: 'Nenhum processo do usuário {uid} tem a capability {cap} (CAP_NET_BIND_SERVICE) no `CapEff`. Confira no Terminal B que `getcap /usr/local/bin/perl-porta80` imprime `cap_net_bind_service=ep`; depois, no Terminal A, como aluno (`su - aluno`) e não como root, rode o `perl-porta80` com o `&` do fim e deixe-o rodando.',
          gl: 'Ningún proceso do usuario {uid} ten a capability {cap} (CAP_NET_BIND_SERVICE) no `CapEff`. Comproba no Terminal B que `getcap /usr/local/bin/perl-porta80` imprime `cap_net_bind_service=ep`; despois, no Terminal A, como aluno (`su - aluno`) e non como root, executa o `perl-porta80` co `&` do final e déixao a correr.',
        },
      },
    },
    {
      id: 'seccomp',
      title: { pt: 'Um filtro seccomp seu', gl: 'Un filtro seccomp teu' },
      commands: [
        { tab: 0, text: 'kill %1; exit' },
        { tab: 0, text: 'grep Seccomp /proc/$$/status' },
        { tab: 0, text: 'seccomp-deny mkdir mkdirat -- bash' },
        { tab: 0, text: 'mkdir /tmp/proibido' },
        { tab: 0, text: 'grep -E "Seccomp|NoNewPrivs" /proc/$$/status' },
      ],
      check: { id: 'seccomp-extra-filter' },
      hints: {
        'no-filter': {
          pt: 'Nenhum processo tem mais filtros seccomp do que os da própria sandbox, que já põe um em todo shell (`Seccomp_filters: 1`); o processo com mais filtros tem agora {found}. No Terminal A, rode `seccomp-deny mkdir mkdirat -- bash` e deixe esse bash aberto: nele, `Seccomp_filters` deve dizer 2.',
          gl: 'Ningún proceso ten máis filtros seccomp cós da propia sandbox, que xa pon un en cada shell (`Seccomp_filters: 1`); o proceso con máis filtros ten agora {found}. No Terminal A, executa `seccomp-deny mkdir mkdirat -- bash` e deixa ese bash aberto: nel, `Seccomp_filters` debe dicir 2.',
        },
      },
    },
    {
      id: 'no-chroot',
      title: { pt: 'Sem CAP_SYS_CHROOT, não há fuga', gl: 'Sen CAP_SYS_CHROOT, non hai fuga' },
      commands: [
        { tab: 0, text: 'exit' },
        { tab: 1, text: 'cp /usr/local/bin/escapa /root/rootfs/bin/' },
        { tab: 0, text: 'capsh --chroot=/root/rootfs --drop=cap_sys_chroot --shell=/bin/sh --' },
        { tab: 0, text: '/bin/escapa' },
        // The rootfs has no /proc mounted, so the shell inside cannot read its own status: look from outside.
        { tab: 1, text: 'grep CapBnd /proc/$(pgrep -n -x sh)/status' },
      ],
      check: { id: 'cap-dropped', params: { cap: 18, path: '/root/rootfs' } },
      hints: {
        'not-chrooted': {
          pt: 'Nenhum processo do root da sandbox tem a raiz em `/root/rootfs`. No Terminal A, rode `capsh --chroot=/root/rootfs --drop=cap_sys_chroot --shell=/bin/sh --` e deixe o sh aberto.',
          gl: 'Ningún proceso do root da sandbox ten a raíz en `/root/rootfs`. No Terminal A, executa `capsh --chroot=/root/rootfs --drop=cap_sys_chroot --shell=/bin/sh --` e deixa a sh aberta.',
        },
        'none-dropped': {
          pt: 'Nenhum processo com raiz em `/root/rootfs` está sem a capability {cap} (CAP_SYS_CHROOT): os `CapBnd` deles são `{found}`. No Terminal A, rode `capsh --chroot=/root/rootfs --drop=cap_sys_chroot --shell=/bin/sh --` e deixe o sh aberto. Um `chroot rootfs /bin/sh` simples mantém todas as capabilities.',
          gl: 'Ningún proceso con raíz en `/root/rootfs` está sen a capability {cap} (CAP_SYS_CHROOT): os seus `CapBnd` son `{found}`. No Terminal A, executa `capsh --chroot=/root/rootfs --drop=cap_sys_chroot --shell=/bin/sh --` e deixa a sh aberta. Un `chroot rootfs /bin/sh` a secas mantén todas as capabilities.',
        },
      },
    },
  ],
  quiz,
});
