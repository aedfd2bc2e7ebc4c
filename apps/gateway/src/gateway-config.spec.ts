import { ConfigError } from '@alternance/platform/nest';
import { loadGatewayConfig } from './gateway-config';

describe('loadGatewayConfig', () => {
  it('listens on 4000 by default and reads the committed supergraph', () => {
    const config = loadGatewayConfig({ NODE_ENV: 'production' });
    expect(config.app.port).toBe(4000);
    expect(config.supergraphSdl).toContain('@join__graph(name: "job-board"');
    expect(config.subgraphUrls).toEqual({});
    expect(config.subgraphTimeoutMs).toBe(30_000);
  });

  it('needs no token secret and no database, even in production', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', PORT: '8080' })).not.toThrow();
  });

  it('takes each subgraph’s URL from its variable, and refuses what is not an http(s) URL', () => {
    const config = loadGatewayConfig({ NODE_ENV: 'test', SUBGRAPH_MATCHER_URL: 'http://matcher:4003/graphql' });
    expect(config.subgraphUrls).toEqual({ matcher: 'http://matcher:4003/graphql' });
    expect(() => loadGatewayConfig({ NODE_ENV: 'test', SUBGRAPH_JOB_BOARD_URL: 'job-board:4001' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ NODE_ENV: 'test', SUBGRAPH_JOB_BOARD_URL: 'ftp://job-board/graphql' })).toThrow(/SUBGRAPH_JOB_BOARD_URL/);
  });

  it('refuses a missing supergraph file and a silly subgraph timeout', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'test', SUPERGRAPH_FILE: '/nonexistent/supergraph.graphql' })).toThrow(/SUPERGRAPH_FILE/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'test', SUBGRAPH_TIMEOUT_MS: '5' })).toThrow(/SUBGRAPH_TIMEOUT_MS/);
  });
});
