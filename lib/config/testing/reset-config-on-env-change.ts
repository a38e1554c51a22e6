/**
 * vitest setup (vitest.config.mts `setupFiles`): `appConfig()` reads `process.env` once per process,
 * but tests change it with `vi.stubEnv` / `vi.unstubAllEnvs`; each of those forgets the cached
 * configuration, so that the subject reads the environment the test set.
 */
import { vi } from 'vitest';
import { resetAppConfig } from '../app-config';

const stubEnv = vi.stubEnv.bind(vi);
const unstubAllEnvs = vi.unstubAllEnvs.bind(vi);
vi.stubEnv = ((...args: Parameters<typeof vi.stubEnv>) => {
  const result = stubEnv(...args);
  resetAppConfig();
  return result;
}) as typeof vi.stubEnv;
vi.unstubAllEnvs = (() => {
  const result = unstubAllEnvs();
  resetAppConfig();
  return result;
}) as typeof vi.unstubAllEnvs;
resetAppConfig();
