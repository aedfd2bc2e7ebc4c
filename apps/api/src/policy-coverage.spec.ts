import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig, POLICY_KEY } from '@alternance/platform/nest';
import { AppModule } from './app.module';

/**
 * Every query, mutation and field resolver declares who may call it. The policy guard
 * refuses undeclared ones at run time; this makes a forgotten declaration fail the build.
 */
describe('access policies', () => {
  let app: INestApplication;
  const file = path.join(os.tmpdir(), `alternance-policy-${process.pid}.sqlite`);

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' });
    app = await NestFactory.create(AppModule.forRoot(config), new FastifyAdapter(), { logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    rmSync(file, { force: true });
  });

  it('are declared on every resolver method', () => {
    const resolvers: string[] = [];
    const missing: string[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || !wrapper.metatype) continue;
        const proto = Object.getPrototypeOf(instance);
        for (const name of Object.getOwnPropertyNames(proto)) {
          const method = Object.getOwnPropertyDescriptor(proto, name)?.value;
          if (name === 'constructor' || typeof method !== 'function') continue;
          const isOperation = Reflect.getMetadata('graphql:resolver_type', method);
          const isField = Reflect.getMetadata('graphql:resolve_property', method);
          if (!isOperation && !isField) continue;
          const id = `${wrapper.metatype.name}.${name}`;
          resolvers.push(id);
          const policy = Reflect.getMetadata(POLICY_KEY, method) ?? Reflect.getMetadata(POLICY_KEY, wrapper.metatype);
          if (!policy) missing.push(id);
        }
      }
    }
    expect(resolvers.length).toBeGreaterThan(20);
    expect(resolvers).toEqual(expect.arrayContaining(['CandidateFieldsResolver.birthDate', 'OffersResolver.createOffer', 'IdentityResolver.me']));
    expect(missing).toEqual([]);
  });
});
