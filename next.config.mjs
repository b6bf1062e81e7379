// Next.js configuration. The site fetches nothing from the internet at build or run time: no
// next/font/google, no CDN; telemetry is off in the scripts (NEXT_TELEMETRY_DISABLED=1).

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The lesson pages are server-rendered; no image optimizer is needed (SVGs only), and with it off the
  // build never looks for sharp.
  images: { unoptimized: true },
  // Lessons compile at request time (lib/lessons/load.ts): mdx-bundler drives esbuild, a native binary
  // that finds itself through its own package path, so both stay plain node_modules, never bundled.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
};

export default nextConfig;
