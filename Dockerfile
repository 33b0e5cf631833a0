# Runtime image for one Spring Boot module of this repository, built from the jar that
# `./mvnw package` attaches with the classifier "exec":
#   ./mvnw -B package -DskipTests
#   docker build --build-arg MODULE=agenda-service -t learning-cities/agenda-service .
# docker-compose.yml builds every service and the gateway this way.
FROM eclipse-temurin:21-jre

ARG MODULE
RUN test -n "$MODULE" || { echo "Set the build argument MODULE, e.g. --build-arg MODULE=gateway" >&2; exit 1; }

# curl serves the compose health checks against /actuator/health/readiness.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system platform && useradd --system --gid platform --no-create-home platform
# State a module keeps on a volume (the authorization server's signing key): a new named volume copies this
# directory's owner, so the unprivileged user can write there.
RUN mkdir -p /var/lib/platform && chown platform:platform /var/lib/platform

WORKDIR /app
# The wildcard stands for the project version, so a version bump needs no change here.
COPY ${MODULE}/target/${MODULE}-*-exec.jar app.jar

USER platform
# The container runs nothing but this JVM: give the heap three quarters of its memory (the JVM default is a quarter).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
