import pkg from '../../package.json';

/** The app's version (package.json), written into every turn's `metadata`. */
export const APP_VERSION: string = pkg.version;
