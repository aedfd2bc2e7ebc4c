// Plain JavaScript so that `next start` needs no TypeScript at run time (production images).

/** Where the API listens, as this server reaches it; `/graphql` is passed on to it. */
const apiOrigin = new URL(process.env.API_URL ?? 'http://127.0.0.1:3100/graphql').origin;

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Another build folder lets two builds of the app live side by side (tests, benchmarks).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The API keeps serving its own paths (GraphQL, the playground's files, health probes) on the
  // site's one port: browsers and recruiters use http://host/graphql as before.
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/graphql', destination: `${apiOrigin}/graphql` },
        { source: '/playground/assets/:file', destination: `${apiOrigin}/playground/assets/:file` },
        { source: '/health/:probe', destination: `${apiOrigin}/health/:probe` },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default config;
