# Sourced by the jobs that start the site (start.sh, service.sh): waiting for it to answer.

# site_code URL: the site's HTTP status at URL once it is 200, or the last one after 120 s.
site_code() {
  local code=
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$1") && [ "$code" = 200 ] && break
    sleep 1
  done
  echo "$code"
}
