import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadConfig } from '@alternance/platform/nest';
import { planWorker } from '../../apps/worker/src/worker-plan';
import { DEFAULT_SUPERGRAPH_FILE, loadGatewayConfig } from '../../apps/gateway/src/gateway-config';
import { subgraphHealthUrls } from '../../apps/gateway/src/gateway';

/**
 * Static checks of docker/: no Docker engine (nor `docker compose`) runs in CI, so the files are
 * read as text and YAML and checked against the repository: build contexts and paths exist,
 * stages and volumes are declared, every service has a health check, and the environment the
 * compose file gives the API and the worker is accepted by the same configuration loader and
 * yields the intended split (API serves; worker relays and runs the jobs).
 */
const root = path.resolve(__dirname, '../..');
const dockerDir = path.join(root, 'docker');
// js-yaml comes with ESLint's configuration loader (a dev dependency).
const loadYaml = createRequire(__filename)('js-yaml').load as (text: string) => unknown;

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(file: string): Instruction[] {
  const text = readFileSync(file, 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
}

const compose = loadYaml(readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8')) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };

/** Interpolates `${NAME}`, `${NAME:-default}` and `${NAME:?message}` as compose would, from `given`. */
function interpolate(value: string, given: Record<string, string>): string {
  return String(value).replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (given[name] !== undefined && given[name] !== '') return given[name];
    if (kind === '?') throw new Error(`${name} is required: ${rest}`);
    return kind === '-' ? (rest ?? '') : '';
  });
}

function environment(service: string, given: Record<string, string>): Record<string, string> {
  const env = compose.services[service].environment ?? {};
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, interpolate(String(value), given)]));
}

const secrets = { JWT_SECRET: 'x'.repeat(48), MEILI_MASTER_KEY: 'k'.repeat(32) };

const SUBGRAPHS = [
  ['job-board', 4001],
  ['talent-marketplace', 4002],
  ['matcher', 4003],
] as const;
const APPS = ['gateway', ...SUBGRAPHS.map(([name]) => name), 'worker'];

describe('docker/compose.yaml', () => {
  it('runs PostgreSQL, Meilisearch, Redis, the web app, the gateway, the three subgraphs and a worker, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'job-board', 'matcher', 'meilisearch', 'postgres', 'redis', 'talent-marketplace', 'web', 'worker']);
    for (const [name, service] of Object.entries(compose.services)) {
      expect([name, service.healthcheck?.test?.[0]]).toEqual([name, expect.stringMatching(/^CMD(-SHELL)?$/)]);
    }
  });

  it('builds each app from the repository root with its own Dockerfile', () => {
    for (const service of [...APPS, 'web']) {
      const build = compose.services[service].build!;
      expect(path.resolve(dockerDir, build.context)).toBe(root);
      expect(build.dockerfile).toBe(`docker/${service}.Dockerfile`);
      expect(existsSync(path.join(root, build.dockerfile))).toBe(true);
    }
  });

  it('declares every named volume and waits only for services that have health checks', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (/^[A-Za-z][\w-]*$/.test(source)) expect([name, source, source in compose.volumes]).toEqual([name, source, true]);
      }
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(compose.services[dependency]?.healthcheck).toBeDefined();
        expect(condition).toBe('service_healthy');
      }
    }
    expect(Object.keys(compose.volumes).sort()).toEqual(['job-board-data', 'matcher-data', 'meili-data', 'postgres-data', 'talent-marketplace-data', 'worker-data']);
  });

  it('refuses to start without the secrets, and keeps the token secret away from the gateway', () => {
    expect(() => environment('meilisearch', { JWT_SECRET: secrets.JWT_SECRET })).toThrow(/MEILI_MASTER_KEY is required/);
    for (const service of ['job-board', 'talent-marketplace', 'matcher', 'worker']) {
      expect(() => environment(service, { MEILI_MASTER_KEY: secrets.MEILI_MASTER_KEY })).toThrow(/JWT_SECRET is required/);
    }
    expect(environment('meilisearch', secrets)).toMatchObject({ MEILI_MASTER_KEY: secrets.MEILI_MASTER_KEY, MEILI_ENV: 'production' });
    expect(Object.keys(environment('gateway', {}))).not.toEqual(expect.arrayContaining(['JWT_SECRET']));
    expect(JSON.stringify(environment('gateway', secrets))).not.toContain(secrets.JWT_SECRET);
  });

  it('gives every process variables the configuration loaders accept, splitting the work between them', () => {
    const source = ['libs/platform/nest/src/config/app-config.ts', 'apps/gateway/src/gateway-config.ts'].map((f) => readFileSync(path.join(root, f), 'utf8')).join('\n');
    const production = { NODE_ENV: 'production' };
    const worker = environment('worker', secrets);
    for (const service of APPS) {
      // A misspelt variable would be ignored silently by the process: every one must be read.
      for (const name of Object.keys(environment(service, secrets))) expect([service, name, new RegExp(`env\\.${name}\\b|'${name}'`).test(source)]).toEqual([service, name, true]);
    }
    for (const [name, port] of SUBGRAPHS) {
      const env = environment(name, secrets);
      expect(env.DATABASE_URL).toBe(worker.DATABASE_URL);
      expect(env.MEILI_URL).toBe(worker.MEILI_URL);
      const config = loadConfig({ ...production, ...env });
      expect([name, config]).toEqual([
        name,
        expect.objectContaining({ port, relayInProcess: false, jobsIntervalSeconds: 0, introspection: false, database: expect.objectContaining({ driver: 'postgresql' }), search: expect.objectContaining({ engine: 'meilisearch', url: 'http://meilisearch:7700' }) }),
      ]);
      expect(config.trustProxy).toEqual(['loopback', 'uniquelocal']);
      // Copies of a subgraph share its rate limits through the compose file's Redis.
      expect(config.redis).toEqual({ url: 'redis://redis:6379', keyPrefix: 'alternance:' });
      expect(config.migrateOnStart).toBe(name === 'job-board');
    }
    const plan = planWorker(loadConfig({ ...production, ...worker }));
    expect(plan).toMatchObject({ relay: 'shared', jobs: true });
    expect(plan.config.workerPort).toBe(3001);
  });

  it('points the gateway at each subgraph the supergraph names, on the port it listens on', () => {
    const gateway = loadGatewayConfig({ NODE_ENV: 'production', ...environment('gateway', {}) });
    expect(gateway.app.port).toBe(4000);
    expect(gateway.app.playground).toBe(false);
    const named = subgraphHealthUrls(gateway).map((s) => s.name).sort();
    expect(named).toEqual(SUBGRAPHS.map(([name]) => name).sort());
    for (const [name, port] of SUBGRAPHS) expect(gateway.subgraphUrls[name]).toBe(`http://${name}:${port}/graphql`);
  });

  it('publishes the web app only, which passes /graphql on to the gateway, and probes the ports the processes listen on', () => {
    expect(Object.entries(compose.services).filter(([, s]) => s.ports).map(([name]) => name)).toEqual(['web']);
    expect(compose.services.web.ports).toEqual(['${WEB_HOST_PORT:-3000}:3000']);
    expect(compose.services.web.healthcheck!.test.join(' ')).toContain('127.0.0.1:3000/robots.txt');
    expect(environment('web', {}).API_URL).toBe('http://gateway:4000/graphql');
    expect(compose.services.gateway.healthcheck!.test.join(' ')).toContain('127.0.0.1:4000/health/ready');
    for (const [name, port] of SUBGRAPHS) expect(compose.services[name].healthcheck!.test.join(' ')).toContain(`127.0.0.1:${port}/health/ready`);
    expect(compose.services.worker.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${environment('worker', secrets).WORKER_PORT}/health/ready`);
  });

  it('gives the web app only variables it reads, and has the gateway believe the address it passes on', () => {
    const sources = ['apps/web/next.config.mjs', 'apps/web/src/lib/api.ts', 'apps/web/src/lib/site.ts', 'apps/web/src/proxy.ts'].map((f) => readFileSync(path.join(root, f), 'utf8')).join('\n');
    for (const name of Object.keys(environment('web', {})).filter((n) => n !== 'PORT')) expect([name, sources.includes(`process.env.${name}`)]).toEqual([name, true]);
    expect(loadGatewayConfig({ NODE_ENV: 'production', ...environment('gateway', {}) }).app.trustProxy).toEqual(['loopback', 'uniquelocal']);
    expect(JSON.stringify(environment('web', secrets))).not.toContain(secrets.JWT_SECRET);
  });
});

describe('docker/web.Dockerfile', () => {
  const file = path.join(dockerDir, 'web.Dockerfile');
  const steps = instructions(file);

  it('builds the production build in one stage and serves it from another, without dev dependencies', () => {
    expect(steps.filter((s) => s.op === 'FROM').map((s) => s.args.split(/\s+as\s+/i)[1])).toEqual(['build', 'runtime']);
    const runs = steps.filter((s) => s.op === 'RUN').map((s) => s.args);
    expect(runs).toEqual(expect.arrayContaining([expect.stringMatching(/^npm install\b/), expect.stringMatching(/node tools\/start\.mjs --force-build --build-only && npm prune --omit=dev\b/)]));
    for (const copy of steps.filter((s) => s.op === 'COPY' && !s.args.includes('--from='))) {
      for (const source of copy.args.split(/\s+/).slice(0, -1)) expect([source, existsSync(path.join(root, source))]).toEqual([source, true]);
    }
    expect(JSON.parse(steps.filter((s) => s.op === 'CMD').pop()!.args)).toEqual(['node', 'node_modules/next/dist/bin/next', 'start', 'apps/web']);
    expect(steps.find((s) => s.op === 'EXPOSE')?.args).toBe('3000');
    expect(steps.find((s) => s.op === 'HEALTHCHECK')!.args).toContain('process.env.PORT||3000');
    expect(steps.filter((s) => s.op === 'USER').pop()?.args).toBe('node');
    expect(readFileSync(`${file}.dockerignore`, 'utf8').split('\n')).toEqual(expect.arrayContaining(['**/node_modules', 'dist', 'data', '.git']));
  });
});

describe.each([
  ['api', 'PORT', 3000],
  ['worker', 'WORKER_PORT', 3001],
  ['gateway', 'PORT', 4000],
  ['job-board', 'PORT', 4001],
  ['talent-marketplace', 'PORT', 4002],
  ['matcher', 'PORT', 4003],
])('docker/%s.Dockerfile', (app, portVariable, port) => {
  const file = path.join(dockerDir, `${app}.Dockerfile`);
  const steps = instructions(file);

  it('builds in one stage with plain npm and node commands, and runs from another without dev dependencies', () => {
    const stages = steps.filter((s) => s.op === 'FROM').map((s) => s.args.split(/\s+as\s+/i)[1]);
    expect(stages).toEqual(['build', 'runtime']);
    const runs = steps.filter((s) => s.op === 'RUN').map((s) => s.args);
    expect(runs).toEqual(expect.arrayContaining([expect.stringMatching(/^npm install\b/), expect.stringMatching(/node tools\/build\.mjs && npm prune --omit=dev\b/)]));
    // Every copy from a stage names an earlier one; every copy from the context names a file that exists.
    for (const copy of steps.filter((s) => s.op === 'COPY')) {
      const from = /--from=(\S+)/.exec(copy.args)?.[1];
      const parts = copy.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      if (from) expect(stages).toContain(from);
      else for (const source of parts.slice(0, -1)) expect([source, existsSync(path.join(root, source))]).toEqual([source, true]);
    }
    expect(steps.filter((s) => s.op === 'USER').pop()?.args).toBe('node');
  });

  it('starts the compiled entry point of its app, and checks its health on the port it exposes', () => {
    const cmd = JSON.parse(steps.filter((s) => s.op === 'CMD').pop()!.args) as string[];
    expect(cmd).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    // tools/build.mjs compiles each source file to the same path under dist/.
    expect(existsSync(path.join(root, cmd[1].replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    const env = steps.filter((s) => s.op === 'ENV').map((s) => s.args).join(' ');
    expect(env).toContain(`${portVariable}=${port}`);
    expect(steps.find((s) => s.op === 'EXPOSE')?.args).toBe(String(port));
    const health = steps.find((s) => s.op === 'HEALTHCHECK')!.args;
    expect(health).toContain(`process.env.${portVariable}||${port}`);
    expect(health).toContain('/health/ready');
  });

  it('keeps dependencies and build output out of the context (BuildKit reads <Dockerfile>.dockerignore)', () => {
    const ignored = readFileSync(`${file}.dockerignore`, 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', 'data', '.git']));
  });
});

describe('docker/gateway.Dockerfile', () => {
  it('ships the committed supergraph where the gateway reads it', () => {
    const copies = instructions(path.join(dockerDir, 'gateway.Dockerfile')).filter((s) => s.op === 'COPY').map((s) => s.args);
    expect(copies).toContain('--from=build /app/apps/gateway/supergraph.graphql ./apps/gateway/supergraph.graphql');
    expect(path.relative(root, DEFAULT_SUPERGRAPH_FILE)).toBe('apps/gateway/supergraph.graphql');
  });
});
