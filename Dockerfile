# The creditlens image: `creditlens serve` (API and dashboard) and every other command, as the
# non-root `node` user. It mirrors scripts/cluster.sh; compose.yaml runs it as two replicas behind
# HAProxy with PostgreSQL (docs/deployment.md). Not built on the development machine (no registry
# access there): see docs/deployment.md before relying on it.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# `npm ci` assembles the engine's WebAssembly kernel from its source (the prepare script).
COPY scripts/build-wasm.mjs scripts/
COPY src/engine/wasm/histogram.wat src/engine/wasm/
RUN npm ci --no-audit --no-fund
COPY . .
# The dashboard is built once here (web/dist), then the development packages are dropped.
RUN npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/tsconfig.json ./
# The built dashboard without its sources: `creditlens start` then never tries to rebuild it
# (Vite, a development package, is not in the image).
COPY --from=build /app/web/dist ./web/dist
# The data directory (DuckDB feature store, model registry; the SQLite app store when no
# PostgreSQL is given) is a volume the node user owns.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8080
# Ready: the app store, the client database and the active model answer (GET /readyz).
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/creditlens.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--data-dir", "/data", "--trust-proxy"]
