#!/usr/bin/env bash
# Puts `crossgate` on PATH as a native executable: publishes the Native AOT build of src/Crossgate.Cli and installs
# it as PREFIX/lib/crossgate/crossgate (with SQLite's native library beside it), linked from PREFIX/bin/crossgate.
#
# Usage: ./install.sh [--prefix DIR]     (default ~/.local; PREFIX/bin should be on PATH)
# Needs: the .NET 10 SDK, a C toolchain (clang or gcc) and zlib's headers for the native link
#   (Debian/Ubuntu: sudo apt-get install clang zlib1g-dev).
# Build outputs go to out/ in the repository (ignored by git). Exit codes: 0 installed, 1 failed, 2 bad usage.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${HOME}/.local"
while (( $# > 0 )); do
  case "$1" in
    --prefix) [[ $# -ge 2 ]] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (usage: ./install.sh [--prefix DIR])" >&2; exit 2 ;;
  esac
done

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64|Linux-arm64) rid=linux-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  *) echo "install.sh: no Native AOT build for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac

command -v dotnet >/dev/null || { echo "install.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }
if [[ "$rid" == linux-* ]]; then
  if ! { command -v clang >/dev/null || command -v gcc >/dev/null; } || [[ ! -e /usr/include/zlib.h ]]; then
    echo "install.sh: the native link needs clang (or gcc) and zlib's headers: sudo apt-get install clang zlib1g-dev" >&2
    exit 1
  fi
fi

out="$repo_root/out"
echo "Publishing the Native AOT build for $rid (a few minutes) ..."
# Its own artifacts folder, so that ordinary builds and test runs keep their obj/ folders.
dotnet publish "$repo_root/src/Crossgate.Cli" -c Release -r "$rid" -p:PublishAot=true \
  --artifacts-path "$out/artifacts" -o "$out/$rid" --nologo

target="$prefix/lib/crossgate"
mkdir -p "$target" "$prefix/bin"
rm -f "$target/crossgate" "$target"/*.so "$target"/*.dylib
cp "$out/$rid/crossgate" "$target/"
find "$out/$rid" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' \) -exec cp {} "$target/" \;
ln -sfn "$target/crossgate" "$prefix/bin/crossgate"

"$prefix/bin/crossgate" --version >/dev/null
echo "Installed $prefix/bin/crossgate -> $target/crossgate"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Add it to PATH: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
echo "Shell completion: source <(crossgate completion bash)"
