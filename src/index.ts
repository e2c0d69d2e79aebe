import { createApp, type Env } from './app.tsx';
import { catalog } from './generated/catalog.ts';

const app = createApp(catalog);

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
