import { type ArgumentsHost, NotFoundException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from './domain-error.js';
import { AppExceptionFilter } from './exception.filter.js';

function httpHost(reqId = 'req-1234567') {
  const sent: { status?: number; body?: any; headers?: Record<string, string> } = {};
  const res = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name]: value };
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    getArgByIndex: (i: number) => (i === 0 ? { id: reqId } : res),
  } as unknown as ArgumentsHost;
  return { host, sent, res };
}

describe('AppExceptionFilter', () => {
  const adapter = {
    isHeadersSent: () => false,
    reply: (_res: unknown, body: unknown, status: number) => Object.assign(replies, { body, status }),
    end: () => undefined,
  };
  const replies: { body?: unknown; status?: number } = {};
  const filter = new AppExceptionFilter();
  (filter as any).httpAdapterHost = { httpAdapter: adapter } as unknown as HttpAdapterHost;

  it('passes GraphQL errors on unchanged (formatGraphQLError answers them)', () => {
    const error = new Error('boom');
    expect(filter.catch(error, { getType: () => 'graphql' } as unknown as ArgumentsHost)).toBe(error);
  });

  it('answers a DomainError on an HTTP route with its status and code', () => {
    const cases: [DomainError, number][] = [
      [DomainError.notFound('Meeting'), 404],
      [DomainError.unauthenticated(), 401],
      [DomainError.forbidden(), 403],
      [DomainError.field('id', 'is not a UUID'), 400],
      [DomainError.conflict('stale'), 409],
      [DomainError.rateLimited(), 429],
    ];
    for (const [error, status] of cases) {
      const { host, sent } = httpHost();
      filter.catch(error, host);
      expect(sent.status).toBe(status);
      expect(sent.body).toMatchObject({ statusCode: status, code: error.code, message: error.message });
    }
  });

  it('answers anything unexpected with 500, no message, and the request id as correlation id', () => {
    const { host, sent } = httpHost('abcdef12-req');
    filter.catch(
      Object.assign(new Error('duplicate key value (lower(email))=(x@y.de)'), { code: '23505' }),
      host,
    );
    expect(sent).toEqual({
      status: 500,
      body: { statusCode: 500, message: 'Internal server error', correlationId: 'abcdef12-req' },
    });
  });

  it('answers an unreachable database with 503, Retry-After and the retryable UNAVAILABLE', () => {
    for (const cause of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('QueryFailedError'), { driverError: { code: '57P01' } }),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      const { host, sent } = httpHost();
      filter.catch(cause, host);
      expect(sent).toEqual({
        status: 503,
        headers: { 'retry-after': '5' },
        body: { statusCode: 503, code: 'UNAVAILABLE', message: expect.any(String) },
      });
    }
    // In GraphQL the filter hands on a DomainError that tells Apollo the status and header.
    const gql = filter.catch(Object.assign(new Error('x'), { code: 'ECONNRESET' }), {
      getType: () => 'graphql',
    } as unknown as ArgumentsHost) as DomainError & { extensions: any };
    expect(gql.code).toBe('UNAVAILABLE');
    expect(gql.extensions.http.status).toBe(503);
  });

  it("answers Nest's HTTP exceptions with their status and body, as JSON", () => {
    const { host, sent } = httpHost();
    filter.catch(new NotFoundException('No such calendar'), host);
    expect(sent).toEqual({
      status: 404,
      body: { statusCode: 404, message: 'No such calendar', error: 'Not Found' },
    });
  });
});
