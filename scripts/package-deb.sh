#!/usr/bin/env bash
# Builds artifacts/pyfleet_<version>_<arch>.deb: the self-contained single-file pyfleet (no .NET needed on the host),
# the systemd units from contrib/systemd, a man page made from `pyfleet --help`, and maintainer scripts that create
# nothing outside /var/lib/pyfleet (systemd's StateDirectory= makes the state folders when a unit first starts).
#
# Layout: /usr/lib/pyfleet/{pyfleet,libe_sqlite3.so} (the native SQLite library must sit beside the binary, see
# Pyfleet.Cli.csproj), /usr/bin/pyfleet -> ../lib/pyfleet/pyfleet, /lib/systemd/system/pyfleet-*.{service,timer},
# /usr/share/man/man1/pyfleet.1.gz, /usr/share/doc/pyfleet/{copyright,changelog.gz,README.md.gz,examples/}, and
# /usr/share/lintian/overrides/pyfleet (each accepted lintian tag explained there).
#
# Usage: scripts/package-deb.sh [amd64|arm64 ...]   (default: amd64; arm64 when its runtime pack restores)
# Env:   PUBLISH_DIR_amd64=DIR reuses an existing `dotnet publish -r linux-x64` output instead of publishing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

arches=("$@")
[ "${#arches[@]}" -gt 0 ] || arches=(amd64)
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
version=$(dotnet msbuild src/Pyfleet.Cli/Pyfleet.Cli.csproj -getProperty:Version -nologo)
mkdir -p artifacts
work=$(mktemp -d /tmp/pyfleet-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT

rid_of() { case "$1" in amd64) echo linux-x64 ;; arm64) echo linux-arm64 ;; *) echo "package-deb: unknown arch $1" >&2; exit 2 ;; esac; }

# Help text as roff body text: backslashes doubled, lines starting with . or ' kept from being read as requests.
roff_text() { sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"; }

# The man page: pyfleet's own help for the program and each command, in roff (help2man would need to run the
# binary of the target architecture; this needs only the host's build).
man_page() {
  local bin=("$@")
  printf '.TH PYFLEET 1 "%s" "pyfleet %s" "User Commands"\n' "$(date -u -d "@$epoch" +%Y-%m-%d)" "$version"
  printf '.SH NAME\npyfleet \\- inventory, vulnerability and lifecycle audit of Python environments, from a laptop to a fleet\n'
  printf '.SH SYNOPSIS\n.B pyfleet\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n.SH DESCRIPTION\n.nf\n'
  "${bin[@]}" --help | roff_text
  printf '.fi\n'
  local commands
  commands=$("${bin[@]}" --help | awk '/^Commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{exit}')
  for c in $commands; do
    printf '.SH "pyfleet %s"\n.nf\n' "$c"
    "${bin[@]}" "$c" --help | roff_text
    printf '.fi\n'
  done
  printf '.SH FILES\n.TP\n.I /var/lib/pyfleet\nState of the agent unit (token, spool, store).\n.TP\n.I /var/lib/pyfleet-server\nState of the server unit (SQLite store).\n.TP\n.I /etc/pyfleet/agent.env, /etc/pyfleet/server.env\nEnvironment of the units (tokens, database URL); create them mode 0600.\n'
  printf '.SH SEE ALSO\nREADME in /usr/share/doc/pyfleet.\n'
}

# The man page comes from a binary this machine can run: the publish of its own architecture, else a
# framework-dependent build.
host_arch=$(dpkg --print-architecture)
man_cmd=()
for arch in "${arches[@]}"; do
  rid=$(rid_of "$arch")
  var="PUBLISH_DIR_$arch"
  publish=${!var:-}
  if [ -z "$publish" ]; then
    publish="$work/publish-$arch"
    dotnet publish src/Pyfleet.Cli -c Release -r "$rid" -o "$publish" -nologo -v quiet
  fi
  [ -x "$publish/pyfleet" ] && [ -f "$publish/libe_sqlite3.so" ] || { echo "package-deb: $publish lacks pyfleet or libe_sqlite3.so" >&2; exit 1; }
  if [ "${#man_cmd[@]}" -eq 0 ] && [ "$arch" = "$host_arch" ]; then man_cmd=("$publish/pyfleet"); fi
  if [ "${#man_cmd[@]}" -eq 0 ]; then
    dotnet build src/Pyfleet.Cli -c Release -nologo -v quiet >/dev/null
    man_cmd=(dotnet src/Pyfleet.Cli/bin/Release/net10.0/pyfleet.dll)
  fi

  root="$work/root-$arch"
  install -d "$root/DEBIAN" "$root/usr/lib/pyfleet" "$root/usr/bin" "$root/lib/systemd/system" \
    "$root/usr/share/man/man1" "$root/usr/share/doc/pyfleet/examples" "$root/usr/share/lintian/overrides"
  install -m 0755 "$publish/pyfleet" "$root/usr/lib/pyfleet/pyfleet"
  install -m 0644 "$publish/libe_sqlite3.so" "$root/usr/lib/pyfleet/libe_sqlite3.so"
  # The NuGet build of SQLite carries its symbol table; Debian ships shared objects stripped (debug data aside).
  strip_tool=strip
  [ "$arch" = arm64 ] && [ "$host_arch" != arm64 ] && strip_tool=aarch64-linux-gnu-strip
  if command -v "$strip_tool" >/dev/null; then "$strip_tool" --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/lib/pyfleet/libe_sqlite3.so"; fi
  ln -s ../lib/pyfleet/pyfleet "$root/usr/bin/pyfleet"
  for unit in contrib/systemd/*.service contrib/systemd/*.timer; do
    sed 's#/usr/local/bin/pyfleet#/usr/bin/pyfleet#g' "$unit" > "$root/lib/systemd/system/$(basename "$unit")"
    chmod 0644 "$root/lib/systemd/system/$(basename "$unit")"
  done
  install -m 0644 contrib/cron/pyfleet-agent.cron "$root/usr/share/doc/pyfleet/examples/pyfleet-agent.cron"
  gzip -9n < README.md > "$root/usr/share/doc/pyfleet/README.md.gz"
  install -m 0644 packaging/debian/copyright "$root/usr/share/doc/pyfleet/copyright"
  install -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/pyfleet"
  printf 'pyfleet (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Pyfleet maintainers <maintainers@pyfleet.invalid>  %s\n' \
    "$version" "$version" "$(date -u -R -d "@$epoch")" \
    | gzip -9n > "$root/usr/share/doc/pyfleet/changelog.gz"
  chmod 0644 "$root/usr/share/doc/pyfleet/"*.gz

  man_page "${man_cmd[@]}" | gzip -9n > "$root/usr/share/man/man1/pyfleet.1.gz"
  chmod 0644 "$root/usr/share/man/man1/pyfleet.1.gz"

  size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size_kb/" packaging/debian/control > "$root/DEBIAN/control"
  for script in postinst postrm; do install -m 0755 "packaging/debian/$script" "$root/DEBIAN/$script"; done
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
  chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control"

  out="artifacts/pyfleet_${version}_${arch}.deb"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
  echo "package-deb: $out ($(du -h "$out" | cut -f1))"
done
