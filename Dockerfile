# The sample services (s1, s2, decorator-s1) in one image, run with the AspectJ weaver agent.
#   docker build -t traced-sample:0.1.0 .
#   docker run --rm -p 20000:20000 traced-sample:0.1.0 s2
# The service is the argument (s1, s2, decorator-s1); without one, the SERVICE variable.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -ntp -DskipTests -pl sample-vertx -am package

FROM eclipse-temurin:17.0.16_8-jre
RUN groupadd --system --gid 10001 traced \
 && useradd --system --uid 10001 --gid traced --no-create-home traced
WORKDIR /app
COPY --from=build /src/sample-vertx/target/lib/ /app/lib/
COPY --from=build /src/sample-vertx/target/sample-vertx.jar /src/sample-vertx/target/aspectjweaver.jar /app/
USER 10001:10001
ENV SERVICE=s1
EXPOSE 10000 20000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-javaagent:/app/aspectjweaver.jar", "-jar", "/app/sample-vertx.jar"]
