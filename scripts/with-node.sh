#!/bin/sh
# Runs a command with a Node.js that wrangler, miniflare and the TypeScript scripts accept.
# - Node >= 22.18 strips types by itself: used as it is.
# - Node 22.12 to 22.17: used with --experimental-strip-types.
# - Anything older: a Node 24 from the npm registry (node-<os>-<cpu>) is installed once into .node/ and put
#   first on PATH for this command only.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)

# Prints "ok", "flag" or "old" for the node given.
node_level() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); console.log(a > 22 || (a === 22 && b >= 18) ? "ok" : a === 22 && b >= 12 ? "flag" : "old")' 2>/dev/null || echo old
}

level=old
command -v node >/dev/null 2>&1 && level=$(node_level node)

if [ "$level" = flag ]; then
  NODE_OPTIONS="--experimental-strip-types --disable-warning=ExperimentalWarning ${NODE_OPTIONS:-}"
  export NODE_OPTIONS
elif [ "$level" = old ]; then
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) os= ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) cpu=x64 ;;
    aarch64 | arm64) cpu=arm64 ;;
    *) cpu= ;;
  esac
  if [ -z "$os" ] || [ -z "$cpu" ]; then
    echo "with-node: Node.js >= 22.12 is required; install it and run again." >&2
    exit 1
  fi
  pkg="node-$os-$cpu"
  bin="$here/.node/node_modules/$pkg/bin"
  if [ ! -x "$bin/node" ] || [ "$(node_level "$bin/node")" != ok ]; then
    echo "with-node: the Node on PATH is older than 22.12; installing $pkg@24 into .node/" >&2
    npm install --prefix "$here/.node" --no-save --no-audit --no-fund --loglevel=error "$pkg@24" >&2
  fi
  PATH="$bin:$PATH"
  export PATH
fi

exec "$@"
