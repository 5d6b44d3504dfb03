# linkdrill's CLI as a container image, for batches on a cluster (deploy/ has a Kubernetes Indexed
# Job and a Slurm array that use it). Three stages: the CLI and its workers compiled to JavaScript
# (build/, as `npm install` makes it), the production dependencies alone, and a slim runtime with
# both and the bundled scenarios.
#
#   docker build -t linkdrill .
#   docker run --rm -v "$PWD/reports:/work/reports" linkdrill run scenarios/default.yaml --out reports/default
#
# Paths given to the CLI are relative to /work (mount your scenarios and an output folder there);
# the bundled scenarios are also at /app/scenarios.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts wait: `prepare` compiles the sources, which are copied next.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build-cli.mjs ./scripts/
COPY src ./src
# bin/compiled.js loads the single-file builds of validate, run, batch, exercise and a batch worker;
# checking, running and batching the bundled scenario once, playing the bundled tabletop, and a few
# replications in a worker, fill their code caches.
COPY bin ./bin
COPY scenarios ./scenarios
RUN npm run build:cli

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: `prepare` needs esbuild, a development dependency, and the build is made above.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY bin ./bin
COPY scenarios ./scenarios
RUN mkdir -p /work && chown node:node /work && ln -s /app/scenarios /work/scenarios
USER node
WORKDIR /work
ENTRYPOINT ["node", "/app/bin/linkdrill.js"]
CMD ["help"]
