#!/bin/sh
# Installed as /usr/local/sbin/whistle-portal: runs the portal's admin commands (e.g. `whistle-portal recipients install
# FILE`) as the service user, with the service's configuration, so files it creates belong to the service.
set -eu
if [ "$(id -u)" -ne 0 ]; then
  echo "whistle-portal: error: run as root (sudo whistle-portal …)" >&2
  exit 1
fi
set -a
# shellcheck source=/dev/null
. /etc/whistlesubmit/portal.env
set +a
umask 077
cd /opt/whistlesubmit/portal
exec runuser -u whistlesubmit -- /opt/whistlesubmit/portal/whistle-portal "$@"
