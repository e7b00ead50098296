// A local stand-in for api.github.com: every request is checked against GitHub's published REST
// description (method, path, body) and recorded; check runs and deployments get plausible answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRunRules } from './github-rules.js';
import { matchRequest } from './openapi.js';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string | null;
  body: Json | undefined;
  status: number;
  at: number;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  details_url: string | null;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Json[];
  /** Each status the run went through, in order. */
  history: string[];
}

export interface FakeGitHubOptions {
  /** Answer check-run creation with this status, as GitHub does for a fork's read-only token. */
  denyChecks?: 403 | 404;
  denyDeployments?: 403 | 404;
}

const DENIED = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run' };

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** Requests that broke GitHub's contract; a test asserts this stays empty. */
  readonly validationErrors: string[] = [];
  readonly checkRuns = new Map<number, FakeCheckRun>();
  readonly deployments: { id: number; body: Json; statuses: Json[] }[] = [];
  /** Issue and pull-request comments, by issue number. */
  readonly comments = new Map<number, { id: number; body: string }[]>();
  private server: Server | null = null;
  private nextId = 4000;

  constructor(private readonly options: FakeGitHubOptions = {}) {}

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error('the fake GitHub server is not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
  }

  /** Requests of one operation, e.g. 'checks/update'. */
  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const record: RecordedRequest = { method, path, operationId: null, body: undefined, status: 0, at: Date.now() };
    this.requests.push(record);
    const answer = (status: number, body: unknown) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const invalid = (errors: string[]) => {
      this.validationErrors.push(...errors.map((e) => `${method} ${path}: ${e}`));
      answer(422, { message: 'Validation Failed', errors });
    };

    let body: Json | undefined;
    if (raw.length) {
      try {
        body = JSON.parse(raw) as Json;
      } catch {
        return invalid(['body: not JSON']);
      }
      if (!String(req.headers['content-type'] ?? '').includes('application/json')) return invalid(['content-type is not application/json']);
    }
    record.body = body;
    const match = matchRequest(method, path, body);
    if (!match) return invalid([`no such operation in GitHub's REST description`]);
    record.operationId = match.operationId;
    if (!String(req.headers.authorization ?? '').match(/^(token|bearer) \S+/i)) {
      this.validationErrors.push(`${method} ${path}: no Authorization header`);
      return answer(401, { message: 'Requires authentication' });
    }
    const errors = [...match.errors];
    if (match.operationId === 'checks/create' || match.operationId === 'checks/update') {
      errors.push(...checkRunRules(body ?? {}, match.operationId === 'checks/create'));
    }
    if (errors.length) return invalid(errors);

    const { owner, repo } = match.pathParams;
    switch (match.operationId) {
      case 'checks/create': {
        if (this.options.denyChecks) return answer(this.options.denyChecks, DENIED);
        const b = body as Json;
        const run: FakeCheckRun = {
          id: this.nextId++,
          name: b.name as string,
          head_sha: b.head_sha as string,
          details_url: (b.details_url as string) ?? null,
          status: (b.conclusion ? 'completed' : (b.status as string)) ?? 'queued',
          conclusion: (b.conclusion as string) ?? null,
          output: { title: null, summary: null, text: null },
          annotations: [],
          history: [],
        };
        this.apply(run, b);
        this.checkRuns.set(run.id, run);
        return answer(201, this.checkRunJson(owner, repo, run));
      }
      case 'checks/update': {
        const run = this.checkRuns.get(Number(match.pathParams.check_run_id));
        if (!run) return answer(404, { message: 'Not Found' });
        this.apply(run, body as Json);
        return answer(200, this.checkRunJson(owner, repo, run));
      }
      case 'repos/create-deployment': {
        if (this.options.denyDeployments) return answer(this.options.denyDeployments, DENIED);
        const id = this.nextId++;
        this.deployments.push({ id, body: body as Json, statuses: [] });
        return answer(201, this.deploymentJson(owner, repo, id, body as Json));
      }
      case 'repos/create-deployment-status': {
        const d = this.deployments.find((x) => x.id === Number(match.pathParams.deployment_id));
        if (!d) return answer(404, { message: 'Not Found' });
        d.statuses.push(body as Json);
        return answer(201, { id: this.nextId++, state: (body as Json).state, url: `${this.url}${path}` });
      }
      case 'issues/list-comments': {
        const list = this.comments.get(Number(match.pathParams.issue_number)) ?? [];
        return answer(
          200,
          list.map((c) => this.commentJson(owner, repo, Number(match.pathParams.issue_number), c)),
        );
      }
      case 'issues/create-comment': {
        const n = Number(match.pathParams.issue_number);
        const c = { id: this.nextId++, body: (body as Json).body as string };
        this.comments.set(n, [...(this.comments.get(n) ?? []), c]);
        return answer(201, this.commentJson(owner, repo, n, c));
      }
      case 'issues/update-comment': {
        const id = Number(match.pathParams.comment_id);
        for (const [n, list] of this.comments) {
          const c = list.find((x) => x.id === id);
          if (!c) continue;
          c.body = (body as Json).body as string;
          return answer(200, this.commentJson(owner, repo, n, c));
        }
        return answer(404, { message: 'Not Found' });
      }
      default:
        return invalid([`${match.operationId} is valid but not faked here`]);
    }
  }

  private commentJson(owner: string, repo: string, issue: number, c: { id: number; body: string }): Json {
    const now = new Date().toISOString();
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${owner}/${repo}/issues/${issue}`,
      body: c.body,
      user: null,
      created_at: now,
      updated_at: now,
      author_association: 'NONE',
    };
  }

  private apply(run: FakeCheckRun, b: Json): void {
    if (b.name) run.name = b.name as string;
    if (b.status) run.status = b.status as string;
    if (b.conclusion) {
      run.conclusion = b.conclusion as string;
      run.status = 'completed';
    }
    const out = b.output as Json | undefined;
    if (out) {
      if (out.title !== undefined) run.output.title = out.title as string;
      if (out.summary !== undefined) run.output.summary = out.summary as string;
      if (out.text !== undefined) run.output.text = out.text as string;
      // GitHub appends the annotations of each request to those the run already has.
      run.annotations.push(...((out.annotations as Json[]) ?? []));
    }
    run.history.push(run.status);
  }

  private checkRunJson(owner: string, repo: string, run: FakeCheckRun): Json {
    return {
      id: run.id,
      node_id: `CR_${run.id}`,
      head_sha: run.head_sha,
      external_id: '',
      name: run.name,
      url: `${this.url}/repos/${owner}/${repo}/check-runs/${run.id}`,
      html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
      details_url: run.details_url,
      status: run.status,
      conclusion: run.conclusion,
      started_at: new Date().toISOString(),
      completed_at: run.status === 'completed' ? new Date().toISOString() : null,
      output: {
        ...run.output,
        annotations_count: run.annotations.length,
        annotations_url: `${this.url}/repos/${owner}/${repo}/check-runs/${run.id}/annotations`,
      },
      check_suite: { id: 1 },
      app: null,
      pull_requests: [],
    };
  }

  private deploymentJson(owner: string, repo: string, id: number, b: Json): Json {
    const url = `${this.url}/repos/${owner}/${repo}/deployments/${id}`;
    const now = new Date().toISOString();
    return {
      id,
      node_id: `DE_${id}`,
      sha: b.ref,
      ref: b.ref,
      task: b.task ?? 'deploy',
      environment: b.environment ?? 'production',
      payload: b.payload ?? {},
      description: b.description ?? null,
      creator: null,
      statuses_url: `${url}/statuses`,
      repository_url: `${this.url}/repos/${owner}/${repo}`,
      url,
      created_at: now,
      updated_at: now,
    };
  }
}
