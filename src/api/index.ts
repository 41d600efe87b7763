/** The HTTP API and the web app's server (`sitrep serve`). */
export { openApiDocument } from './openapi.ts';
export { ROUTES } from './routes/index.ts';
export {
  CONTENT_SECURITY_POLICY,
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PORT,
  ServeError,
  startServer,
  type RunningServer,
  type ServeOptions,
} from './server.ts';
export { isLoopback, refuseToStart } from './auth.ts';
