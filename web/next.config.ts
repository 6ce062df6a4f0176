import type { NextConfig } from 'next';

/** Dashboard build settings; the API origin is read at run time (src/lib/env.ts), not here. */
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The shared env reader is a workspace package shipped as TypeScript source.
  transpilePackages: ['@nngp-nas/env'],
};

export default config;
