#!/usr/bin/env bash
# Runs the JMH fit benchmarks (src/test/java/dev/moeadvisor/fit/FitBenchmark.java).
# Usage: src/test/scripts/bench-fit.sh [benchmark-name-regex]   e.g. src/test/scripts/bench-fit.sh bundled
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B test-compile
./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dev.moeadvisor.fit.FitBenchmark "${1:-}"
