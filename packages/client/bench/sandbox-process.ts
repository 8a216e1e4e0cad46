import { fork } from "node:child_process";
import { once } from "node:events";
import type { Fault } from "@nineproxy/sandbox";

/** A sandbox in a child process, driven over IPC, so its CPU and heap are not the client's. */
export interface SandboxProcess {
  url: string;
  seed(n: number): Promise<void>;
  fault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/** Forks `sandbox-child.ts` (loopback, port 0, one account) and waits for its URL. */
export async function startSandboxProcess(apiKey: string): Promise<SandboxProcess> {
  const child = fork(new URL("./sandbox-child.ts", import.meta.url), [apiKey], {
    execArgv: ["--conditions=@nineproxy/source", "--import", "tsx"],
  });
  const [{ url }] = (await once(child, "message")) as [{ url: string }];
  const send = async (message: object) => {
    child.send(message);
    await once(child, "message");
  };
  return {
    url,
    seed: (n) => send({ seed: n }),
    fault: (fault) => send({ fault }),
    clearFaults: () => send({ clear: true }),
    close: async () => {
      child.kill();
      await once(child, "exit");
    },
  };
}
