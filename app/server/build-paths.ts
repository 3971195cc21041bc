// Where `remix build` put the server bundle and the browser assets (see remix.config.js).
import path from "node:path";

export function buildPaths(env: NodeJS.ProcessEnv = process.env) {
  const dir = path.resolve(env.BUILD_DIR || "build");
  return {
    serverFile: path.join(dir, "index.js"),
    assetsDir: env.BUILD_DIR ? path.join(dir, "assets") : path.resolve("public/build"),
  };
}
