package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What docker/ promises, checked without a Docker engine: the files parse, and say what the README
 * says they do (replicas, health checks, secrets from outside, the documented Dockerfile order).
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");

    /** What a Dockerfile step does, in the words of the Open Liberty images' documented order. */
    private static String stepKind(String step) {
        if (step.startsWith("COPY") && step.contains(" liberty/config/ ")) {
            return "configuration";
        } else if (step.equals("RUN features.sh")) {
            return "features";
        } else if (step.startsWith("COPY") && step.contains("notes.war")) {
            return "application";
        } else if (step.equals("RUN configure.sh")) {
            return "configure";
        } else if (step.matches("USER [1-9][0-9]*")) {
            return "non-root";
        }
        return step;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return map(new Yaml().load(Files.readString(file)));
    }

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
            documents.add(map(document));
        }
        return documents;
    }

    @Test
    void composeRunsReplicasBehindABalancerWithHealthChecksAndNoBuiltInSecrets() throws IOException {
        Map<String, Object> services = map(yaml(DOCKER.resolve("compose.yaml")).get("services"));
        assertThat(services).containsOnlyKeys("postgres", "redis", "notes", "lb");
        services.forEach((name, service) -> assertThat(map(service)).as(name).containsKey("healthcheck"));

        Map<String, Object> notes = map(services.get("notes"));
        assertThat((Integer) map(notes.get("deploy")).get("replicas")).isGreaterThanOrEqualTo(2);
        assertThat(map(notes.get("depends_on"))).containsOnlyKeys("postgres", "redis")
                .allSatisfy((name, dependency) -> assertThat(map(dependency)).containsEntry("condition", "service_healthy"));
        Map<String, Object> environment = map(notes.get("environment"));
        assertThat(environment).containsEntry("NOTES_CLUSTER", "redis");
        environment.forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(String.valueOf(value)).as(name).startsWith("${");
            }
        });
        assertThat(map(map(services.get("postgres")).get("environment")).get("POSTGRES_PASSWORD").toString()).startsWith("${");

        assertThat(list(map(services.get("redis")).get("command"))).containsSubsequence("--appendonly", "yes");
        Map<String, Object> balancer = map(services.get("lb"));
        assertThat(list(balancer.get("volumes"))).anySatisfy(v -> assertThat(v.toString())
                .startsWith("./nginx/notes-locations.conf:"));
        assertThat(map(map(balancer.get("depends_on")).get("notes"))).containsEntry("condition", "service_healthy");
        assertThat(DOCKER.resolve(".env.example")).content().contains("NOTES_FACES_SECRET=", "POSTGRES_PASSWORD=");
    }

    @Test
    void kubernetesRunsTwoReplicasWithProbesSecretsLimitsAndADisruptionBudget() throws IOException {
        List<Map<String, Object>> manifests = documents(DOCKER.resolve("kubernetes/notes.yaml"));
        assertThat(manifests).extracting(m -> m.get("kind"))
                .containsExactly("Deployment", "Service", "Ingress", "PodDisruptionBudget");

        Map<String, Object> deployment = map(manifests.get(0).get("spec"));
        assertThat((Integer) deployment.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> labels = map(map(deployment.get("selector")).get("matchLabels"));
        Map<String, Object> pod = map(map(deployment.get("template")).get("spec"));
        assertThat(map(map(map(deployment.get("template")).get("metadata")).get("labels"))).containsAllEntriesOf(labels);
        Map<String, Object> container = map(list(pod.get("containers")).get(0));
        assertThat(map(map(container.get("readinessProbe")).get("httpGet"))).containsEntry("path", "/health/ready");
        assertThat(map(map(container.get("livenessProbe")).get("httpGet"))).containsEntry("path", "/health/live");
        assertThat(map(map(list(container.get("envFrom")).get(0)).get("secretRef"))).containsEntry("name", "notes");
        assertThat(map(container.get("resources"))).containsKeys("requests", "limits");

        assertThat(map(map(manifests.get(1).get("spec")).get("selector"))).isEqualTo(labels);
        assertThat(map(map(map(manifests.get(3).get("spec")).get("selector")).get("matchLabels"))).isEqualTo(labels);

        Map<String, Object> secret = yaml(DOCKER.resolve("kubernetes/secret.example.yaml"));
        assertThat(secret).containsEntry("kind", "Secret");
        assertThat(map(secret.get("stringData"))).containsKeys("REDIS_URL", "DB_URL", "DB_USER", "DB_PASSWORD",
                "NOTES_FACES_SECRET", "NOTES_FACES_MAC_SECRET");
    }

    @Test
    void theDockerfileFollowsTheOpenLibertyOrderAndRunsAsNonRoot() throws IOException {
        List<String> steps = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                .filter(line -> line.matches("^(FROM|COPY|RUN|USER) .*")).toList();
        assertThat(steps.get(0)).startsWith("FROM icr.io/appcafe/open-liberty:");
        assertThat(steps).extracting(DeploymentFilesTest::stepKind)
                .containsSubsequence("configuration", "features", "application", "configure", "non-root");
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        for (String step : steps) {
            if (step.startsWith("COPY")) {
                String source = step.split("\\s+")[2];
                assertThat(ignored).as("the build context keeps %s", source).contains("!" + source);
            }
        }
    }
}
