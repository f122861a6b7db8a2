# MoE Advisor: multi-stage build. Build with the Maven wrapper, run target/quarkus-app on a JRE as uid 1001.
# --build-arg ADVISOR_DB_KIND=postgresql builds the image for replicas sharing one PostgreSQL database.
# Base images: Temurin 17 (JDK to build, JRE to run). For a reproducible production build pin them by digest,
#   --build-arg JDK_IMAGE=eclipse-temurin:17-jdk@sha256:<digest> --build-arg JRE_IMAGE=eclipse-temurin:17-jre@sha256:<digest>
# (CI's smoke test builds against local stand-ins that exist under these two tags only).
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JDK_IMAGE} AS build
ARG ADVISOR_DB_KIND=h2
WORKDIR /src
# Dependencies first (a layer that changes only with the POM): the plugins, then everything the Quarkus build needs,
# deployment artifacts included. dependency:go-offline would also try optional dependencies the build never uses.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:resolve-plugins quarkus:go-offline
COPY src src
COPY data data
COPY web web
# Offline: proves the step above fetched everything.
RUN ADVISOR_DB_KIND=${ADVISOR_DB_KIND} ./mvnw -B -q -o package -DskipTests

FROM ${JRE_IMAGE}
# A numeric, pinned uid/gid (Kubernetes runAsNonRoot needs a numeric USER). Only the data volume is theirs: the
# application files stay root-owned and read-only.
RUN groupadd --system --gid 1001 advisor \
    && useradd --system --uid 1001 --gid 1001 --home-dir /var/lib/moe-advisor --no-create-home \
       --shell /usr/sbin/nologin advisor \
    && mkdir -p /var/lib/moe-advisor \
    && chown 1001:1001 /var/lib/moe-advisor \
    && chmod 0750 /var/lib/moe-advisor
WORKDIR /app
# The fast-jar in layers, least often changed first: a code change rebuilds only the last (small) layer.
COPY --from=build /src/target/quarkus-app/lib/boot/ /app/lib/boot/
COPY --from=build /src/target/quarkus-app/lib/main/ /app/lib/main/
COPY --from=build /src/target/quarkus-app/quarkus-run.jar /app/
COPY --from=build /src/target/quarkus-app/quarkus/ /app/quarkus/
COPY --from=build /src/target/quarkus-app/app/ /app/app/
USER 1001:1001
VOLUME /var/lib/moe-advisor
EXPOSE 8080
# WRITE_DELAY=0: H2 writes every commit to its file before answering (an acknowledged write survives kill -9).
# The heap is committed whole from the start (initial = maximum): G1 otherwise keeps it small while promoted garbage
# sits below its marking threshold, and the young generation squeezed between them collects 6x as often (README, Speed).
ENV PORT=8080 \
    ADVISOR_DB_URL="jdbc:h2:file:/var/lib/moe-advisor/advisor;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
    ADVISOR_LOG_JSON=true \
    JAVA_OPTS="-XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# The first start computes the default fit before it is ready: allow for it before failures count.
HEALTHCHECK --start-period=5m --interval=30s --timeout=5s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/q/health/ready" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
