import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts in the build are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build (hashed assets, index.html and
 * the copied public files), at the highest levels, because it runs once per build instead of once per request. The
 * API serves them when the browser accepts the encoding (see SpaHosting.cs). A variant is kept only when it is
 * smaller than the plain file, so the server falls back to the plain file for tiny ones.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'ottobon:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = join(config.root, config.build.outDir);
      const files = await listFiles(outDir);
      await Promise.all(files.filter((file) => compressible.test(file)).map(compressFile));
    },
  };
}

async function compressFile(file: string): Promise<void> {
  const plain = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    }),
    gzipAsync(plain, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([
    br.length < plain.length ? writeFile(`${file}.br`, br) : undefined,
    gz.length < plain.length ? writeFile(`${file}.gz`, gz) : undefined,
  ]);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir);
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry);
      return (await stat(path)).isDirectory() ? listFiles(path) : [path];
    }),
  );
  return nested.flat();
}
