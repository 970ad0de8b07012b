# The lab's image: the fake Gigya by default (`node bin/fake-gigya.js`); docker-compose.yml also
# runs the connector from it (`node lib/connector/main.js`). It holds what runs and nothing else:
# package.json, bin/, the compiled lib/ and the production dependencies.

# better-sqlite3 is native: build it where compilers exist, ship without them.
FROM node:20-slim AS dependencies
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# lib/ as `npm pack` builds it, with the lab's own compiler and types. No install scripts: the
# compile needs no native module, and this stage is left behind.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/buildPackage.mjs ./scripts/
COPY server ./server
COPY connector ./connector
RUN node scripts/buildPackage.mjs

FROM node:20-slim
ENV NODE_ENV=production \
    FAKE_GIGYA_HOST=0.0.0.0 \
    FAKE_GIGYA_PORT=4100 \
    FAKE_GIGYA_DB=/data/fake-gigya.db
WORKDIR /app
COPY --chown=node:node package.json ./
COPY --from=dependencies --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/lib ./lib
COPY --chown=node:node bin ./bin
# /data holds the SQLite files and the CA's key, /ca the CA's certificate (shared with the
# connector); a named volume mounted there inherits this owner.
RUN mkdir -p /data /ca && chown node:node /data /ca
# The image's own unprivileged user (uid 1000): nothing here needs root.
USER node
EXPOSE 4100
# The fake's own check; docker-compose.yml gives the connector service a check of its own.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.FAKE_GIGYA_PORT || 4100) + '/__admin/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/fake-gigya.js"]
