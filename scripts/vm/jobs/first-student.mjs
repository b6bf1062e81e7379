// A student of the class a service runs (jobs/service.sh): joins with the class code, opens a terminal and runs
// a command in a sandbox of their own. Usage: node first-student.mjs AGENT_URL SITE_ORIGIN CLASS_CODE
// Exits 0 once the sandbox's shell printed the command's output; 1 with the reason otherwise.
import { createRequire } from 'node:module';

// The checkout's own ws (the job runs from the checkout: cd /root/gaiola).
const require = createRequire(`${process.cwd()}/package.json`);
const WebSocket = require('ws');
const [agent, origin, code] = process.argv.slice(2);
const fail = (why) => {
  console.log(`NOT OK: ${why}`);
  process.exit(1);
};
setTimeout(() => fail('no answer from the sandbox in 300 s'), 300_000).unref();

const join = await fetch(`${agent}/class/join`, {
  method: 'POST',
  headers: { origin, 'content-type': 'application/json' },
  body: JSON.stringify({ code, name: 'Ana da VM' }),
});
if (!join.ok) fail(`joining the class: HTTP ${join.status} ${await join.text()}`);
const { token } = await join.json();
const q = new URLSearchParams({ token, tab: '0', v: '1', cols: '80', rows: '24' });
const ws = new WebSocket(`${agent.replace(/^http/, 'ws')}/ws?${q}`, { origin });
let out = '';
let typed = false;
ws.on('message', (data, isBinary) => {
  if (!isBinary) {
    const msg = JSON.parse(String(data));
    if (msg.type === 'hello') console.log(`sandbox ${msg.sandbox}`);
    return;
  }
  out += data.toString('utf8');
  ws.send(JSON.stringify({ type: 'ack', bytes: data.length }));
  if (!typed && /# $/.test(out)) {
    typed = true;
    // printf joins the halves, so the echoed command line never holds the marker itself.
    ws.send(Buffer.from("printf '%s%s\\n' gaiola- vm-$(id -u)-$(hostname)\r"), { binary: true });
  }
  const m = /gaiola-vm-(\d+)-(\S+)/.exec(out);
  if (m) {
    console.log(`the student's shell: uid ${m[1]} inside, host name ${m[2]}`);
    ws.close();
    process.exit(m[1] === '0' ? 0 : 1);
  }
});
ws.on('close', (c) =>
  fail(`the terminal closed (code ${c}) before the command ran: ${JSON.stringify(out.slice(-300))}`),
);
ws.on('error', (e) => fail(`the terminal: ${e.message}`));
