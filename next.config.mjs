// Next.js configuration. The site fetches nothing from the internet at build or run time: no
// next/font/google, no CDN; telemetry is off in the scripts (NEXT_TELEMETRY_DISABLED=1).

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The lesson pages are server-rendered; no image optimizer is needed (SVGs only), and with it off the
  // build never looks for sharp.
  images: { unoptimized: true },
};

export default nextConfig;
