import { describe, expect, it } from 'vitest';
import { FhirError, healthStateOf, isTransient, outcomeOf, TokenError, type FhirErrorKind } from '../../../../../main/core/fhir/errors.js';

const http = (status: number) => new FhirError(status === 401 || status === 403 ? 'auth' : 'http', `HTTP ${status}`, { status });

describe('FhirError', () => {
  it('exposes kind, status and info', () => {
    const e = new FhirError('http', 'PUT /Appointment/1: HTTP 412', { status: 412, issueCode: 'conflict', correlationId: 'corr-1' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('FhirError');
    expect(e.kind).toBe('http');
    expect(e.status).toBe(412);
    expect(e.info.correlationId).toBe('corr-1');
    expect(new FhirError('network', 'x').status).toBeUndefined();
  });
});

describe('isTransient', () => {
  it.each<[string, unknown, boolean]>([
    // never answered, or answered nonsense: try again later
    ['network', new FhirError('network', 'x'), true],
    ['timeout', new FhirError('timeout', 'x'), true],
    ['malformed body', new FhirError('malformed', 'x'), true],
    ['malformed body on a 200', new FhirError('malformed', 'x', { status: 200 }), true],
    ['malformed body on a 503', new FhirError('malformed', 'x', { status: 503 }), true],
    // server busy or broken
    ['408', http(408), true],
    ['429', http(429), true],
    ['500', http(500), true],
    ['502', http(502), true],
    ['503', http(503), true],
    ['504', http(504), true],
    // the server said no
    ['400', http(400), false],
    ['401 (auth)', http(401), false],
    ['403 (auth)', http(403), false],
    ['404', http(404), false],
    ['405', http(405), false],
    ['409', http(409), false],
    ['412', http(412), false],
    ['422', http(422), false],
    ['http without a status', new FhirError('http', 'x'), false],
    ['auth with a 5xx status is still auth', new FhirError('auth', 'x', { status: 500 }), false],
    ['config', new FhirError('config', 'update needs a resource id'), false],
    // token endpoint
    ['token endpoint unreachable', new TokenError('unreachable', 'x'), true],
    ['token endpoint 5xx', new TokenError('server', 'x'), true],
    ['no client secret provisioned', new TokenError('not_provisioned', 'x'), false],
    ['client refused', new TokenError('invalid_client', 'x'), false],
    // not ours
    ['plain Error', new Error('ECONNRESET'), false],
    ['TypeError', new TypeError('fetch failed'), false],
    ['string', 'network', false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['look-alike object', { name: 'FhirError', kind: 'network' }, false],
  ])('%s → %s', (_label, err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });

  it('covers every FhirError kind', () => {
    const kinds: FhirErrorKind[] = ['http', 'network', 'timeout', 'malformed', 'auth', 'config'];
    const transient = kinds.filter((k) => isTransient(new FhirError(k, 'x')));
    expect(transient).toEqual(['network', 'timeout', 'malformed']);
  });

  // Regression (errors.ts isTransient with client.ts, fixed): a 4xx answer whose body is not JSON (an HTML error page from a
  // proxy or WAF) becomes kind 'malformed' and counts as transient, although the server did say no.
  it.each([400, 403, 404, 422])('a refusal (%i) with an unreadable body is not transient', (status) => {
    expect(isTransient(new FhirError('malformed', 'malformed response body', { status }))).toBe(false);
  });
});

describe('outcomeOf', () => {
  it.each<[string, unknown, object]>([
    [
      'a Canvas 412 OperationOutcome',
      { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'conflict', details: { text: 'Resource was modified' } }] },
      { issueCode: 'conflict', text: 'Resource was modified' },
    ],
    [
      'diagnostics when details.text is absent',
      { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'business-rule', diagnostics: 'Cannot change patient' }] },
      { issueCode: 'business-rule', text: 'Cannot change patient' },
    ],
    [
      'details.text wins over diagnostics',
      {
        resourceType: 'OperationOutcome',
        issue: [{ code: 'invalid', details: { text: 'from details' }, diagnostics: 'from diagnostics' }],
      },
      { issueCode: 'invalid', text: 'from details' },
    ],
    ['only the first issue', { issue: [{ code: 'required' }, { code: 'conflict', diagnostics: 'second' }] }, { issueCode: 'required' }],
    ['code only', { issue: [{ code: 'not-found' }] }, { issueCode: 'not-found' }],
    ['text only', { issue: [{ details: { text: 'Something' } }] }, { text: 'Something' }],
    ['non-string code and text are ignored', { issue: [{ code: 42, details: { text: { nested: true } } }] }, {}],
    ['empty issue list', { resourceType: 'OperationOutcome', issue: [] }, {}],
    ['issue is not an array', { issue: 'conflict' }, {}],
    ['null issue', { issue: [null] }, {}],
    ['a Bundle', { resourceType: 'Bundle', type: 'searchset' }, {}],
    ['null', null, {}],
    ['undefined', undefined, {}],
    ['a string', '<html>Bad gateway</html>', {}],
    ['a number', 502, {}],
    ['an array', [{ code: 'conflict' }], {}],
  ])('%s', (_label, body, expected) => {
    expect(outcomeOf(body)).toEqual(expected);
  });

  it('truncates server text to 300 characters', () => {
    const out = outcomeOf({ issue: [{ code: 'invalid', diagnostics: 'x'.repeat(5000) }] });
    expect(out.text).toHaveLength(300);
  });
});

describe('healthStateOf', () => {
  it.each<[string, unknown, string]>([
    ['no client secret', new TokenError('not_provisioned', 'x'), 'not_configured'],
    ['client refused', new TokenError('invalid_client', 'x'), 'auth_failed'],
    ['token endpoint unreachable', new TokenError('unreachable', 'x'), 'unreachable'],
    ['token endpoint 5xx', new TokenError('server', 'x'), 'unreachable'],
    ['FHIR 401', http(401), 'auth_failed'],
    ['FHIR 403', http(403), 'forbidden'],
    ['FHIR 403 as http kind', new FhirError('http', 'x', { status: 403 }), 'forbidden'],
    ['FHIR 500', http(500), 'unreachable'],
    ['FHIR 404', http(404), 'unreachable'],
    ['network', new FhirError('network', 'x'), 'unreachable'],
    ['timeout', new FhirError('timeout', 'x'), 'unreachable'],
    ['anything else', new Error('boom'), 'unreachable'],
    ['null', null, 'unreachable'],
  ])('%s → %s', (_label, err, expected) => {
    expect(healthStateOf(err)).toBe(expected);
  });
});
