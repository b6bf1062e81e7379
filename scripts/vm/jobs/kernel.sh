# The whole kernel tier, as scripts/test.sh runs it (npx vitest from this login session's shell), with its JSON
# report on the share; then what it left behind, for the log.
cd /root/gaiola || exit 1
npx vitest run --config vitest.kernel.config.ts --reporter=default --reporter=json \
  --outputFile=/mnt/share/out/kernel.json
rc=$?
echo "left after the tier: cgroups [$(find /sys/fs/cgroup -name 'gaiola*' -type d | tr '\n' ' ')]," \
  "/run [$(find /run -maxdepth 1 -name 'gaiola*' | tr '\n' ' ')]"
exit $rc
