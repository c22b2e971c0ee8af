# The api and the web front end it serves at /. Production uses DATABASE_URL; the
# embedded PostgreSQL is for a local `npm start` only. Node 22 (LTS): Node 20 reached its end of
# life in April 2026; `npm start` still runs on the 20.19 that new machines have.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The root's postinstall installs the web front end's own package.
COPY apps/web/package.json apps/web/package-lock.json ./apps/web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm run build:web && npm prune --omit=dev --ignore-scripts

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
# The templates of the legal pages (legal/README.md); a deployment mounts its own and sets LEGAL_DIR.
COPY legal ./legal
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# A larger young generation: the GraphQL layer allocates many short-lived objects (bench/README.md).
CMD ["node", "--max-semi-space-size=64", "dist/apps/api/src/main.js"]
