# The lab's image: the fake Gigya by default (`node bin/fake-gigya.js`); docker-compose.yml runs
# the connector from the same image with `npm run connector`. TypeScript runs through tsx (a
# runtime dependency), so there is no build step.

# better-sqlite3 is native: build it where compilers exist, ship without them.
FROM node:20-slim AS dependencies
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:20-slim
ENV NODE_ENV=production \
    FAKE_GIGYA_HOST=0.0.0.0 \
    FAKE_GIGYA_PORT=4100 \
    FAKE_GIGYA_DB=/data/fake-gigya.db
WORKDIR /app
COPY --from=dependencies --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node . .
# /data holds the SQLite files; a named volume mounted there inherits this owner.
RUN mkdir -p /data && chown node:node /data
# The image's own unprivileged user (uid 1000): nothing here needs root.
USER node
EXPOSE 4100
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.FAKE_GIGYA_PORT || 4100) + '/__admin/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/fake-gigya.js"]
