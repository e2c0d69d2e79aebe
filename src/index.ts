import { createApp } from './app.ts';
import { site } from './generated/site.ts';

const app = createApp(site);

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
