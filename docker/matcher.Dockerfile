# syntax=docker/dockerfile:1
# The matcher subgraph (match queries both ways). Build from the repository root:
#   docker build -f docker/matcher.Dockerfile -t alternance-matcher .
# Only plain npm and node commands: install, build with SWC (tools/build.mjs), drop dev dependencies.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 and roaring compile natively when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm reads every workspace's manifest (apps/web is one) to install from the lock file.
COPY apps/web/package.json ./apps/web/package.json
RUN npm install --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
RUN node tools/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4003 DATA_DIR=/var/lib/alternance CATALOGUE_DIR=/srv/catalogue
RUN mkdir -p /var/lib/alternance && chown node:node /var/lib/alternance
COPY --from=build /app/package.json /app/nx.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
VOLUME ["/var/lib/alternance"]
EXPOSE 4003
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4003)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/matcher/src/main.js"]
