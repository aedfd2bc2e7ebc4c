import { prefersHtml } from './playground';

describe('prefersHtml (who gets the playground page at GET /graphql)', () => {
  it('gives browsers the page', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8')).toBe(true);
    expect(prefersHtml('text/html')).toBe(true);
  });

  it('gives API clients JSON: no header, anything, or JSON asked for', () => {
    expect(prefersHtml(undefined)).toBe(false);
    expect(prefersHtml('')).toBe(false);
    expect(prefersHtml('*/*')).toBe(false);
    expect(prefersHtml('application/json')).toBe(false);
    expect(prefersHtml('application/graphql-response+json, application/json;q=0.9')).toBe(false);
  });

  it('follows quality values, then the more specific range, then the order the client listed', () => {
    expect(prefersHtml('application/json;q=0.5, text/html')).toBe(true);
    expect(prefersHtml('text/html;q=0.4, application/json;q=0.5')).toBe(false);
    expect(prefersHtml('text/*, */*')).toBe(true);
    expect(prefersHtml('text/html, application/json')).toBe(true);
    expect(prefersHtml('application/json, text/html')).toBe(false);
    expect(prefersHtml('text/html;q=0')).toBe(false);
  });
});
