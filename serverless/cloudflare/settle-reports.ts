import { createServer, type Server } from 'node:http';

export interface SettleReport {
  id: string;
  /** How the response body ended: `complete`, or `cancelled` by the client (Stop). */
  end: 'complete' | 'cancelled' | 'empty';
  /** How many promises the app handed to ctx.waitUntil during the request. */
  waitUntilCalls: number;
}

/**
 * Where the test worker reports that a request is settled (response done, every waitUntil promise
 * settled): the moment the platform may dispose the isolate. `next(id)` resolves on that report.
 */
export class SettleReports {
  private readonly reports = new Map<string, SettleReport>();
  private readonly waiters = new Map<string, (report: SettleReport) => void>();

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(port: number): Promise<SettleReports> {
    let self: SettleReports | undefined;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const report = JSON.parse(body) as SettleReport;
        self!.reports.set(report.id, report);
        self!.waiters.get(report.id)?.(report);
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    self = new SettleReports(server, `http://127.0.0.1:${port}/settled`);
    return self;
  }

  next(id: string, timeoutMs = 30_000): Promise<SettleReport> {
    const known = this.reports.get(id);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`request ${id} did not settle within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(id, (report) => {
        clearTimeout(timer);
        resolve(report);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
