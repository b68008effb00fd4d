// A local HTTP receiver for webhook notices: keeps every call with its raw body and checks the
// signature as a receiver would, with the channel's exported verifier.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type SignatureCheck, verifyWebhookSignature } from "../../../src/notify/index.ts";

export interface ReceivedCall {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly signature: SignatureCheck;
}

export class WebhookReceiver {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly calls: readonly ReceivedCall[],
  ) {}

  static async start(secret: string, nowSeconds: () => number): Promise<WebhookReceiver> {
    const calls: ReceivedCall[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const signature = verifyWebhookSignature(
          secret,
          String(req.headers["x-gardefou-timestamp"] ?? ""),
          body,
          String(req.headers["x-gardefou-signature"] ?? ""),
          nowSeconds(),
          300,
        );
        calls.push({ headers: req.headers, body, signature });
        res.writeHead(signature.ok ? 200 : 401, { "x-request-id": `hook-${calls.length}` }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/notices`, calls);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
