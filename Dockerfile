# Builds the motcua webapp and the standalone workers; runs the webapp unless told otherwise. Used by
# docker-compose.yml; needs nothing but Docker.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/webapp/target/motcua.jar /app/motcua.jar
COPY --from=build /src/workers/target/motcua-workers-*-exec.jar /app/motcua-workers.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/motcua.jar"]
