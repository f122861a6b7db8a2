# MoE Advisor: multi-stage build. Build with the Maven wrapper, run target/quarkus-app on a JRE as a non-root user.
# --build-arg ADVISOR_DB_KIND=postgresql builds the image for replicas sharing one PostgreSQL database.
FROM eclipse-temurin:17-jdk AS build
ARG ADVISOR_DB_KIND=h2
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY data data
COPY web web
RUN ADVISOR_DB_KIND=${ADVISOR_DB_KIND} ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 --home-dir /app advisor \
    && mkdir -p /app /var/lib/moe-advisor \
    && chown -R advisor /app /var/lib/moe-advisor
WORKDIR /app
COPY --from=build --chown=advisor /src/target/quarkus-app/ /app/
USER advisor
VOLUME /var/lib/moe-advisor
EXPOSE 8080
ENV PORT=8080 \
    ADVISOR_DB_URL="jdbc:h2:file:/var/lib/moe-advisor/advisor;DB_CLOSE_ON_EXIT=FALSE" \
    ADVISOR_LOG_JSON=true \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=5s --retries=5 \
    CMD curl -fsS "http://localhost:${PORT}/q/health/ready" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
