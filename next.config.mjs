/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next dev --hostname 127.0.0.1` rejects dev-only requests from other origins unless listed here.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
};

export default nextConfig;
