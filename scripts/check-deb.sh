#!/usr/bin/env bash
# Issue 16 "Shipping": builds the .deb (scripts/package-deb.sh), extracts it with dpkg-deb -x, checks its layout and
# maintainer scripts, runs lintian when it is installed, then runs the packaged binary — through /usr/bin/pyfleet —
# as an unprivileged user with HOME=/nonexistent and no SDK on PATH against a real pip-made venv
# (scripts/check-service-user.sh).
# Usage: scripts/check-deb.sh [DEB]   (default: build artifacts/pyfleet_<version>_amd64.deb first)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-}
if [ -z "$deb" ]; then
  scripts/package-deb.sh amd64
  deb=$(ls -t artifacts/pyfleet_*_amd64.deb | head -n 1)
fi
work=$(mktemp -d /tmp/pyfleet-deb-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
fail() { echo "check-deb: $*" >&2; exit 1; }

dpkg-deb --info "$deb" > "$work/info"
grep -q '^ Package: pyfleet$' "$work/info" || fail "control has no Package: pyfleet"
dpkg-deb -x "$deb" "$work/root"
dpkg-deb -e "$deb" "$work/control"

for f in usr/lib/pyfleet/pyfleet usr/lib/pyfleet/libe_sqlite3.so lib/systemd/system/pyfleet-agent.service \
  lib/systemd/system/pyfleet-agent.timer lib/systemd/system/pyfleet-server.service usr/share/man/man1/pyfleet.1.gz \
  usr/share/doc/pyfleet/copyright usr/share/doc/pyfleet/changelog.gz; do
  [ -e "$work/root/$f" ] || fail "missing /$f"
done
[ "$(readlink "$work/root/usr/bin/pyfleet")" = ../lib/pyfleet/pyfleet ] || fail "/usr/bin/pyfleet is not the symlink to ../lib/pyfleet/pyfleet"
! grep -rq /usr/local/bin "$work/root/lib/systemd/system" || fail "a unit still points at /usr/local/bin"
grep -q '^ExecStart=/usr/bin/pyfleet ' "$work/root/lib/systemd/system/pyfleet-agent.service" || fail "agent unit does not run /usr/bin/pyfleet"
# Nothing outside the package's own paths (and their parent folders), nothing under /var or /etc in the archive.
unexpected=$(cd "$work/root" && find . -mindepth 1 -printf '%P\n' | grep -Ev \
  '^(usr|usr/bin|usr/lib|usr/share|usr/share/man|usr/share/man/man1|usr/share/doc|usr/share/lintian|usr/share/lintian/overrides|lib|lib/systemd|lib/systemd/system)$|^usr/bin/pyfleet$|^usr/lib/pyfleet(/.*)?$|^lib/systemd/system/pyfleet-[^/]*$|^usr/share/man/man1/pyfleet\.1\.gz$|^usr/share/doc/pyfleet(/.*)?$|^usr/share/lintian/overrides/pyfleet$' || true)
[ -z "$unexpected" ] || fail "unexpected files: $unexpected"
# The maintainer scripts create nothing: postinst only reloads systemd; postrm removes only the state folders on purge.
! grep -Eq '(mkdir|install|useradd|adduser|touch|cp) ' "$work/control/postinst" || fail "postinst creates files"
sh -n "$work/control/postinst" && sh -n "$work/control/postrm"
zcat "$work/root/usr/share/man/man1/pyfleet.1.gz" | grep -q '^\.SH "pyfleet audit"' || fail "man page lacks the audit command"
if command -v lintian >/dev/null; then
  # Tags we accept are overridden in the package itself (packaging/debian/lintian-overrides, each explained).
  lintian --tag-display-limit 0 "$deb" | tee "$work/lintian" >&2 || true
  ! grep -q '^E: ' "$work/lintian" || fail "lintian errors (see above)"
  ! grep -q '^W: ' "$work/lintian" || fail "lintian warnings (see above)"
else
  echo "check-deb: lintian not installed; layout checks only" >&2
fi
scripts/check-service-user.sh "$work/root/usr/lib/pyfleet" "$work/root/usr/bin/pyfleet"
echo "check-deb: ok — $deb ($(du -h "$deb" | cut -f1)); installed size $(du -sh "$work/root" | cut -f1)"
