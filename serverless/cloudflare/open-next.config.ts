// OpenNext configuration for Cloudflare Workers (`npm run build:cloudflare`).
// No incremental cache binding: this app renders nothing that Next caches between requests.
import { defineCloudflareConfig } from '@opennextjs/cloudflare';

export default defineCloudflareConfig({});
