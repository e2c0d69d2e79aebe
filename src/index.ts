import { createApp, type Env } from './app.tsx';
import { catalog } from './generated/catalog.ts';

// Created on the first request, so start-up only evaluates the modules.
let app: ReturnType<typeof createApp> | undefined;

export default {
  fetch: (request, env, ctx) => (app ??= createApp(catalog)).fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
