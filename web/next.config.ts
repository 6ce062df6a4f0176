import type { NextConfig } from 'next';

/** Dashboard build settings; the API origin is read at run time (src/lib/env.ts), not here. */
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
