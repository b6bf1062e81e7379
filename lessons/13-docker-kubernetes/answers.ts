import { defineAnswers } from '../types';

// The answer key of lesson 13: only the agent imports this file.
export default defineAnswers({
  q1: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'No passo 3, A rodava em `/root/rootfs` e B no overlay `/root/b/m`: um arquivo criado em B foi para `/root/b/up`, e A nunca o viu. Cada contêiner do pod tem o seu namespace de montagem.',
        gl: 'No paso 3, A executábase en `/root/rootfs` e B no overlay `/root/b/m`: un ficheiro creado en B foi parar a `/root/b/up`, e A nunca o viu. Cada contedor do pod ten o seu espazo de nomes de montaxe.',
      },
      b: {
        pt: 'Isso. Foi o que você montou: o `nsenter -n -u -i` entrou na rede, no UTS e no IPC do pause, e o `unshare -m -p -f` deu a cada contêiner a sua raiz e os seus PIDs. Por isso B falou com A em 127.0.0.1 e viu o hostname `pod-manual`, mas não os processos de A.',
        gl: 'Iso é. Foi o que montaches: o `nsenter -n -u -i` entrou na rede, no UTS e no IPC do pause, e o `unshare -m -p -f` deu a cada contedor a súa raíz e os seus PIDs. Por iso B falou con A en 127.0.0.1 e viu o hostname `pod-manual`, pero non os procesos de A.',
      },
      c: {
        pt: 'Nenhuma máquina virtual apareceu aqui: A e B eram processos comuns do mesmo kernel, e o `ps -ef` da sandbox mostra os dois. Um pod é um arranjo de namespaces.',
        gl: 'Aquí non apareceu ningunha máquina virtual: A e B eran procesos comúns do mesmo kernel, e o `ps -ef` da sandbox amosa os dous. Un pod é unha disposición de espazos de nomes.',
      },
      d: {
        pt: 'É quase o contrário: A e B estavam no mesmo `net:[inode]` do pause, por isso o `nc 127.0.0.1 8000` de B chegou a A. O cgroup do pod é um detalhe a mais, não o que eles compartilham no lugar dos namespaces.',
        gl: 'É case o contrario: A e B estaban no mesmo `net:[inode]` do pause, por iso o `nc 127.0.0.1 8000` de B chegou a A. O cgroup do pod é un detalle máis, non o que comparten no canto dos espazos de nomes.',
      },
    },
  },
  q2: {
    correct: 'a',
    feedback: {
      a: {
        pt: 'Certo. É o `echo 128M > …` do passo 4, que o runc faz por você antes de o programa do contêiner começar. 128 × 1024 × 1024 = 134217728.',
        gl: 'Correcto. É o `echo 128M > …` do paso 4, que runc fai por ti antes de que comece o programa do contedor. 128 × 1024 × 1024 = 134217728.',
      },
      b: {
        pt: 'Nada é reservado: o grupo começa usando quase nada, e o número é um teto. Na lição 05, o consumo só subiu quando o perl escreveu na memória.',
        gl: 'Non se reserva nada: o grupo empeza usando case nada, e o número é un teito. Na lección 05, o consumo só subiu cando o perl escribiu na memoria.',
      },
      c: {
        pt: 'Um `ulimit` vale para um processo e os filhos que o herdam, e limita outra coisa (espaço de endereços, por exemplo). O limite do Docker é do grupo inteiro, contado pelo kernel no cgroup.',
        gl: 'Un `ulimit` vale para un proceso e os fillos que o herdan, e limita outra cousa (o espazo de enderezos, por exemplo). O límite de Docker é do grupo enteiro, contado polo kernel no cgroup.',
      },
      d: {
        pt: 'Não existe namespace de memória. Namespaces mudam o que o processo vê; quanto ele gasta é assunto dos cgroups.',
        gl: 'Non existe un espazo de nomes de memoria. Os espazos de nomes cambian o que ve o proceso; canto gasta é cousa dos cgroups.',
      },
    },
  },
  q3: {
    correct: 'c',
    feedback: {
      a: {
        pt: 'No passo 3, o contêiner B partiu de `/root/rootfs`, a imagem, e escreveu só no `/root/b/up` dele. A imagem continuou igual, e outros contêineres podem partir dela.',
        gl: 'No paso 3, o contedor B partiu de `/root/rootfs`, a imaxe, e escribiu só no seu `/root/b/up`. A imaxe quedou igual, e outros contedores poden partir dela.',
      },
      b: {
        pt: 'Comprimidas são as camadas da imagem quando viajam (arquivos tar). Um contêiner não viaja: ele é o que roda depois.',
        gl: 'Comprimidas van as capas da imaxe cando viaxan (ficheiros tar). Un contedor non viaxa: é o que se executa despois.',
      },
      c: {
        pt: 'Isso. A lição 09 montou as camadas, e as outras lições fizeram os processos. Mil contêineres podem partir da mesma imagem, porque cada um escreve só no seu `upperdir`.',
        gl: 'Iso é. A lección 09 montou as capas, e as outras leccións fixeron os procesos. Mil contedores poden partir da mesma imaxe, porque cada un escribe só no seu `upperdir`.',
      },
      d: {
        pt: 'Uma imagem não tem processo nenhum: são arquivos. O processo só nasce quando um runtime cria os namespaces e roda um programa sobre essas camadas.',
        gl: 'Unha imaxe non ten ningún proceso: son ficheiros. O proceso só nace cando un runtime crea os espazos de nomes e executa un programa sobre esas capas.',
      },
    },
  },
  q4: {
    correct: 'd',
    feedback: {
      a: {
        pt: 'Os *requests* servem ao escalonador, sim, mas o de CPU também vira peso no cgroup. E os *limits* são aplicados pelo kernel, nos arquivos do cgroup.',
        gl: 'Os *requests* serven ao planificador, si, pero o de CPU tamén se converte nun peso no cgroup. E os *limits* aplícaos o kernel, nos ficheiros do cgroup.',
      },
      b: {
        pt: 'O `pids.max` de um pod vem da configuração do nó, não desses campos, e o `cpuset` só entra com o gerenciador de CPU do kubelet. O limite de memória é o duro, `memory.max`.',
        gl: 'O `pids.max` dun pod vén da configuración do nodo, non destes campos, e o `cpuset` só entra co xestor de CPU do kubelet. O límite de memoria é o duro, `memory.max`.',
      },
      c: {
        pt: 'Nenhum desses campos vira `ulimit`: o kubelet passa tudo ao runtime, que escreve nos arquivos do cgroup do contêiner.',
        gl: 'Ningún destes campos se converte nun `ulimit`: o kubelet pásalle todo ao runtime, que escribe nos ficheiros do cgroup do contedor.',
      },
      d: {
        pt: 'Certo. Um *limit* de 500m vira `50000 100000` no `cpu.max`, e um *request* vira peso. Cuidado com o peso no v2: a conversão de `cpu.shares` para `cpu.weight` mudou em 2025, e 1024 shares davam 39 na fórmula antiga e dão 100 na nova.',
        gl: 'Correcto. Un *limit* de 500m convértese en `50000 100000` no `cpu.max`, e un *request* nun peso. Coidado co peso no v2: a conversión de `cpu.shares` a `cpu.weight` cambiou en 2025, e 1024 shares daban 39 coa fórmula antiga e dan 100 coa nova.',
      },
    },
  },
  q5: {
    correct: 'b',
    feedback: {
      a: {
        pt: 'Não há cópia nem interface nova: os dois contêineres usam a mesma pilha de rede, com as mesmas interfaces e as mesmas portas. Foi por isso que o `nc -l -p 8000` de B daria `Address already in use`.',
        gl: 'Non hai copia nin interface nova: os dous contedores usan a mesma pila de rede, coas mesmas interfaces e os mesmos portos. Por iso o `nc -l -p 8000` de B daría `Address already in use`.',
      },
      b: {
        pt: 'Isso. O runtime faz um `setns` no namespace de rede do `web`, como o seu `nsenter -n` fez no do pause. No Kubernetes, todo contêiner de um pod entra assim no namespace do pause.',
        gl: 'Iso é. O runtime fai un `setns` no espazo de nomes de rede de `web`, coma o teu `nsenter -n` fixo no do pause. En Kubernetes, todo contedor dun pod entra así no espazo de nomes do pause.',
      },
      c: {
        pt: 'Isso é o que a rede padrão do Docker faz com contêineres separados (lição 11): cada um com o seu namespace e o seu IP. Com `container:web`, há um namespace só e um IP só.',
        gl: 'Iso é o que fai a rede por defecto de Docker con contedores separados (lección 11): cada un co seu espazo de nomes e o seu IP. Con `container:web`, hai un só espazo de nomes e un só IP.',
      },
      d: {
        pt: 'Não há dois namespaces para ligar: o contêiner novo não ganha namespace de rede próprio, entra no do `web`.',
        gl: 'Non hai dous espazos de nomes que conectar: o contedor novo non recibe espazo de nomes de rede propio, entra no de `web`.',
      },
    },
  },
});
