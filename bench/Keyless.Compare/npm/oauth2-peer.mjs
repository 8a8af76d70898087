// bench/compare: oauth2-mock-server as the STS peer. Starts on 127.0.0.1 with an RS256 key, adds the workload's
// GitLab claims to every token it mints, prints {"url": "..."} on one line, and runs until stdin closes.
// usage: node oauth2-peer.mjs WORKLOAD.json
import fs from "node:fs";
import { OAuth2Server, Events } from "oauth2-mock-server";

const workload = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");
server.service.on(Events.BeforeTokenSigning, (token) => { Object.assign(token.payload, workload.claims); });
await server.start(0, "127.0.0.1");
const { port } = server.address();
process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}` }) + "\n");
process.stdin.resume();
process.stdin.on("end", async () => { await server.stop(); process.exit(0); });
