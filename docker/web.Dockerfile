# syntax=docker/dockerfile:1
# The web app (Next.js production build) in front of the API or the federated gateway. Build from
# the repository root:
#   docker build -f docker/web.Dockerfile -t alternance-web .
# Only plain npm and node commands: install, build (next build through tools/start.mjs), drop dev dependencies.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 and roaring (root dependencies) compile natively when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY apps/web/package.json ./apps/web/package.json
RUN npm install --no-audit --no-fund
# The web app's operations are type-checked against the committed schema while it builds.
COPY schema.gql nx.json tsconfig.base.json ./
COPY tools ./tools
COPY apps/web ./apps/web
RUN node tools/start.mjs --force-build --build-only && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOSTNAME=0.0.0.0 PORT=3000 NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/apps/web/package.json /app/apps/web/next.config.mjs ./apps/web/
COPY --from=build /app/apps/web/node_modules ./apps/web/node_modules
COPY --from=build /app/apps/web/public ./apps/web/public
COPY --from=build /app/apps/web/.next ./apps/web/.next
USER node
EXPOSE 3000
# robots.txt is the web app's own (no API call): the probe says whether this process serves.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/robots.txt').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "node_modules/next/dist/bin/next", "start", "apps/web"]
