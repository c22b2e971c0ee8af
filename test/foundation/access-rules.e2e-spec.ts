import { type ExecutionContext } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { type GraphQLObjectType } from 'graphql';
import { type AccessRule, ALLOW_KEY, DomainError, ErrorCode } from '../../libs/core/src/index.js';
import { AccessGuard } from '../../libs/identity/src/auth/access.guard.js';
import { AuthService } from '../../libs/identity/src/index.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

function describeRule(rule: AccessRule | undefined): string {
  return rule ? `${rule.kind} — ${rule.rule}` : 'NO RULE';
}

/**
 * Deny by default, made reviewable: every operation of the emitted schema and every HTTP route, with
 * the @Allow rule its handler declares. A change of a rule, or a new operation, changes the snapshot
 * (`npm test -- -u test/foundation` accepts it); an operation without a rule fails the test.
 */
describe('deny by default: every operation declares its rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  function handlers() {
    const discovery = new DiscoveryService(t.app.get(ModulesContainer));
    const scanner = new MetadataScanner();
    const reflector = new Reflector();
    const operations = new Map<string, AccessRule | undefined>();
    const routes = new Map<string, AccessRule | undefined>();
    for (const wrapper of [...discovery.getProviders(), ...discovery.getControllers()]) {
      const instance = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      const classRule = reflector.get<AccessRule | undefined>(ALLOW_KEY, instance.constructor);
      for (const method of scanner.getAllMethodNames(proto)) {
        const fn = proto[method];
        const rule = reflector.get<AccessRule | undefined>(ALLOW_KEY, fn) ?? classRule;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, fn) as string | undefined;
        if (type === 'Query' || type === 'Mutation' || type === 'Subscription') {
          const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, fn) as string | undefined) ?? method;
          operations.set(`${type}.${name}`, rule);
        }
        const path = Reflect.getMetadata(PATH_METADATA, fn) as string | undefined;
        const verb = Reflect.getMetadata(METHOD_METADATA, fn) as number | undefined;
        if (
          path !== undefined &&
          verb !== undefined &&
          wrapper.metatype &&
          Reflect.getMetadata(PATH_METADATA, wrapper.metatype) !== undefined
        ) {
          const prefix = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '').replace(
            /^\/|\/$/g,
            '',
          );
          const route = `/${[prefix, String(path).replace(/^\//, '')].filter(Boolean).join('/')}`;
          routes.set(`${HTTP_METHODS[verb] ?? verb} ${route}`, rule);
        }
      }
    }
    return { operations, routes };
  }

  it('lists every Query, Mutation and Subscription of the schema with its rule (snapshot)', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const { operations, routes } = handlers();
    const lines: string[] = [];
    const missing: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()] as (
      GraphQLObjectType | null | undefined
    )[]) {
      if (!root) continue;
      for (const field of Object.keys(root.getFields()).sort()) {
        const key = `${root.name}.${field}`;
        const rule = operations.get(key);
        if (!rule) missing.push(key);
        lines.push(`${key}: ${describeRule(rule)}`);
      }
    }
    for (const route of [...routes.keys()].sort()) {
      const rule = routes.get(route);
      if (!rule) missing.push(route);
      lines.push(`${route}: ${describeRule(rule)}`);
    }
    expect(missing).toEqual([]);
    expect(lines.length).toBeGreaterThan(15);
    expect(lines).toContain('Mutation.addPartner: signedIn — ALLIANCE_ADMIN of input.allianceId');
    expect(lines).toContain('Mutation.createAlliance: platformAdmin — platform administrator');
    expect(`\n${lines.join('\n')}\n`).toMatchSnapshot();
  });

  it('the global guard refuses a handler that declares no rule, even for a signed-in caller', async () => {
    // The guard as the app registers it (APP_GUARD), with the app's AuthService.
    const guard = new AccessGuard(new Reflector(), t.app.get(AuthService));
    class Undeclared {
      handler() {
        return 'should never run';
      }
    }
    const context = {
      getHandler: () => Undeclared.prototype.handler,
      getClass: () => Undeclared,
      getType: () => 'http',
      switchToHttp: () => ({
        getRequest: () => ({ user: { userId: 'x', platformAdmin: true, roles: new Map() }, headers: {} }),
      }),
    } as unknown as ExecutionContext;
    await expect(guard.canActivate(context)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(guard.canActivate(context)).rejects.toBeInstanceOf(DomainError);
  });
});
