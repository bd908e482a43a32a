package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What docker/ promises, checked without a Docker engine: the files parse, and say what the README
 * says they do (replicas, health checks, secrets from outside, the documented Dockerfile order).
 * And, as no docker compose, kubectl or hadolint runs here, they are validated against what those
 * tools validate against: the Compose Specification's JSON Schema, the Kubernetes API's models, and
 * the hadolint rules that apply to this Dockerfile. Each check is shown to reject a broken file, so
 * none of them can pass by checking nothing.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");

    /** The Compose Specification's schema, vendored with its origin in src/test/resources/schemas/README.md. */
    private static final Schema COMPOSE_SPEC = composeSpec();

    /**
     * The Kubernetes API's types for the kinds docker/kubernetes uses. These models are generated
     * from the Kubernetes OpenAPI specification; reading a document into one checks it against that
     * schema: unknown fields and missing required fields are refused, and so are values of the wrong type.
     */
    private static final Map<String, Class<?>> KUBERNETES_KINDS = Map.of(
            "apps/v1 Deployment", V1Deployment.class,
            "v1 Service", V1Service.class,
            "networking.k8s.io/v1 Ingress", V1Ingress.class,
            "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class,
            "v1 Secret", V1Secret.class);

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
        return documents(Files.readString(file));
    }

    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            documents.add(map(document));
        }
        return documents;
    }

    private static Schema composeSpec() {
        // Loaded by its location, which its relative $id ("compose_spec.json") resolves against.
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:schemas/compose-spec.json"));
    }

    /** What the Compose Specification's schema finds wrong in a Compose file, as readable lines. */
    private static List<String> composeProblems(String compose) {
        return COMPOSE_SPEC.validate(compose, InputFormat.YAML).stream().map(Error::toString).toList();
    }

    /** Reads a manifest into the Kubernetes API type of its apiVersion and kind; throws if it is not one. */
    private static void readAsKubernetesApiObject(Map<String, Object> manifest) {
        String kind = manifest.get("apiVersion") + " " + manifest.get("kind");
        assertThat(KUBERNETES_KINDS).as("a known Kubernetes kind").containsKey(kind);
        // The models' type adapters validate the JSON against the OpenAPI-derived fields first.
        JSON.getGson().fromJson(new Gson().toJsonTree(manifest), KUBERNETES_KINDS.get(kind));
    }

    /** The Dockerfile's instructions, continuation lines joined and comments dropped. */
    private static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                instructions.add(current.append(trimmed).toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static final Pattern APT_INSTALL = Pattern.compile("\\b(apt-get|apt)\\s+install\\b");

    /**
     * The hadolint rules that bear on an image like this one (hadolint itself is not to be had from
     * Maven Central, Debian or npm): a pinned base image (DL3006, DL3007), COPY rather than ADD
     * (DL3020), no sudo (DL3004), apt installs without recommended packages (DL3015), JSON-form CMD
     * and ENTRYPOINT (DL3025), a non-root last USER (DL3002); and, for OpenShift-style arbitrary
     * user IDs, files copied with --chown, and the OCI labels the README documents.
     */
    private static List<String> dockerfileProblems(List<String> lines) {
        List<String> problems = new ArrayList<>();
        List<String> instructions = instructions(lines);
        String lastUser = null;
        for (String instruction : instructions) {
            String keyword = instruction.split("\\s+", 2)[0].toUpperCase();
            String arguments = instruction.substring(keyword.length()).strip();
            switch (keyword) {
                case "FROM" -> {
                    String image = arguments.split("\\s+")[0];
                    String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1)
                            .replaceFirst("^[^:]*:?", "");
                    if (tag.isEmpty() || tag.equals("latest")) {
                        problems.add("DL3006/DL3007 base image without a pinned tag: " + image);
                    }
                }
                case "ADD" -> problems.add("DL3020 ADD instead of COPY: " + instruction);
                case "COPY" -> {
                    if (!arguments.startsWith("--chown=") && !arguments.contains(" --chown=")) {
                        problems.add("COPY without --chown: " + instruction);
                    }
                }
                case "RUN" -> {
                    if (arguments.matches("(?s).*\\bsudo\\b.*")) {
                        problems.add("DL3004 sudo in RUN: " + instruction);
                    }
                    if (APT_INSTALL.matcher(arguments).find() && !arguments.contains("--no-install-recommends")) {
                        problems.add("DL3015 apt install without --no-install-recommends: " + instruction);
                    }
                }
                case "CMD", "ENTRYPOINT" -> {
                    if (!arguments.startsWith("[")) {
                        problems.add("DL3025 " + keyword + " not in JSON form: " + instruction);
                    }
                }
                case "USER" -> lastUser = arguments;
                default -> {
                }
            }
        }
        if (lastUser == null || lastUser.matches("(root|0)(:.*)?")) {
            problems.add("DL3002 the last USER is root (or none is set): " + lastUser);
        }
        String labels = String.join("\n", instructions.stream().filter(i -> i.startsWith("LABEL ")).toList());
        for (String label : List.of("title", "description", "version", "revision", "licenses")) {
            if (!labels.contains("org.opencontainers.image." + label + "=")) {
                problems.add("no LABEL org.opencontainers.image." + label);
            }
        }
        return problems;
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
        assertThat(environment).as("events between replicas are signed").containsKey("NOTES_EVENT_SECRET");
        assertTrustsOnlyPrivateNetworks(String.valueOf(environment.get("TRUSTED_PROXIES")));
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
        assertThat(DOCKER.resolve(".env.example")).content().contains("NOTES_FACES_SECRET=", "NOTES_EVENT_SECRET=",
                "POSTGRES_PASSWORD=");
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
        assertThat(list(container.get("env"))).anySatisfy(variable -> {
            assertThat(map(variable)).containsEntry("name", "TRUSTED_PROXIES");
            assertTrustsOnlyPrivateNetworks(String.valueOf(map(variable).get("value")));
        });
        assertThat(map(container.get("resources"))).containsKeys("requests", "limits");

        assertThat(map(map(manifests.get(1).get("spec")).get("selector"))).isEqualTo(labels);
        assertThat(map(map(map(manifests.get(3).get("spec")).get("selector")).get("matchLabels"))).isEqualTo(labels);

        Map<String, Object> secret = yaml(DOCKER.resolve("kubernetes/secret.example.yaml"));
        assertThat(secret).containsEntry("kind", "Secret");
        assertThat(map(secret.get("stringData"))).containsKeys("REDIS_URL", "DB_URL", "DB_USER", "DB_PASSWORD",
                "NOTES_FACES_SECRET", "NOTES_FACES_MAC_SECRET", "NOTES_EVENT_SECRET");
    }

    /**
     * What the examples ship must not work as keys: an instance started with them, as a replica
     * of the cluster they describe, is refused by the same rules the application applies.
     */
    @Test
    void theExamplesShipNoUsableFacesKeys() throws IOException {
        Map<String, Object> secret = map(yaml(DOCKER.resolve("kubernetes/secret.example.yaml")).get("stringData"));
        Map<String, String> environment = new java.util.HashMap<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (line.contains("=") && !line.startsWith("#")) {
                environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        for (Map<String, ?> example : List.of(secret, environment)) {
            Map<String, String> settings = new java.util.HashMap<>(Map.of("NOTES_CLUSTER", "redis"));
            example.forEach((name, value) -> settings.put(name, String.valueOf(value)));
            assertThatThrownBy(() -> dev.notes.platform.Settings.from(name -> java.util.Optional.ofNullable(settings.get(name))))
                    .as("the settings of %s", example.keySet())
                    .hasMessageContaining("NOTES_FACES_SECRET").hasMessageContaining("openssl rand -base64 32");
        }
        assertThat(secret.get("DB_PASSWORD")).as("no usable database password ships").isEqualTo("");
    }

    @Test
    void theProxiesRefuseExactlyWhatNotesRefuses() throws IOException {
        String serverXml = Files.readString(Path.of("liberty/config/server.xml"));
        long maxBody = Long.parseLong(variableDefault(serverXml, "REQUEST_MAX_BODY_BYTES"));
        long maxField = Long.parseLong(variableDefault(serverXml, "HTTP_MAX_FIELD_BYTES"));
        assertThat(Long.parseLong(variableDefault(serverXml, "HTTP_MAX_MESSAGE_BYTES")))
                .as("Liberty's backstop lies above the application's limit").isGreaterThan(maxBody);

        String locations = Files.readString(DOCKER.resolve("nginx/notes-locations.conf"));
        assertThat(nginxBytes(directive(locations, "client_max_body_size"))).isEqualTo(maxBody);
        assertThat(nginxBytes(directive(locations, "large_client_header_buffers").split("\\s+")[1])).isEqualTo(maxField);
        assertThat(Files.readString(DOCKER.resolve("nginx/default.conf")))
                .as("set once, in the file NginxClusterIT runs too").doesNotContain("client_max_body_size");

        Map<String, Object> ingress = documents(DOCKER.resolve("kubernetes/notes.yaml")).get(2);
        assertThat(nginxBytes(String.valueOf(map(map(ingress.get("metadata")).get("annotations"))
                .get("nginx.ingress.kubernetes.io/proxy-body-size")))).isEqualTo(maxBody);
    }

    /**
     * The instance header and the health checks' details are on by default (server.xml, for a
     * developer and the tests) and off in every file that ships: they name hosts and software.
     */
    @Test
    void theShippedDeploymentsNameNoInstanceAndShowNoHealthDetails() throws IOException {
        List<String> disclosures = List.of("NOTES_INSTANCE_HEADER", "NOTES_HEALTH_DETAILS");
        String serverXml = Files.readString(Path.of("liberty/config/server.xml"));
        disclosures.forEach(name -> assertThat(variableDefault(serverXml, name)).as(name).isEqualTo("true"));

        Map<String, Object> composeEnvironment = map(map(map(yaml(DOCKER.resolve("compose.yaml")).get("services"))
                .get("notes")).get("environment"));
        disclosures.forEach(name -> assertThat(composeEnvironment).containsEntry(name, "false"));

        Map<String, Object> pod = map(map(map(documents(DOCKER.resolve("kubernetes/notes.yaml")).get(0).get("spec"))
                .get("template")).get("spec"));
        List<Object> kubernetesEnvironment = list(map(list(pod.get("containers")).get(0)).get("env"));
        disclosures.forEach(name -> assertThat(kubernetesEnvironment).as(name)
                .contains(Map.of("name", name, "value", "false")));
    }

    @Test
    void theEdgeProxyNamesTheClientItSeesNotOneTheClientClaims() throws IOException {
        String locations = Files.readString(DOCKER.resolve("nginx/notes-locations.conf"));
        List<String> forwarded = Pattern.compile("proxy_set_header\\s+X-Forwarded-For\\s+([^;]+);").matcher(locations)
                .results().map(result -> result.group(1).trim()).toList();
        assertThat(forwarded).as("every location, pages and /live").hasSize(2).containsOnly("$remote_addr");
        List<String> requestIds = Pattern.compile("proxy_set_header\\s+X-Request-Id\\s+([^;]+);").matcher(locations)
                .results().map(result -> result.group(1).trim()).toList();
        assertThat(requestIds).as("nginx's own request id, in every location, for the access log").hasSize(2)
                .containsOnly("$request_id");
        assertThat(Files.readString(Path.of("liberty/config/server.xml"))).as("the access log names it")
                .contains("%{X-Request-Id}i");
    }

    private static String variableDefault(String serverXml, String name) {
        var matcher = Pattern.compile("<variable name=\"" + name + "\" defaultValue=\"([^\"]*)\"/>").matcher(serverXml);
        assertThat(matcher.find()).as("<variable name=\"%s\"> in server.xml", name).isTrue();
        return matcher.group(1);
    }

    /** The arguments of a top-level nginx directive, e.g. "2m" of "client_max_body_size 2m;". */
    private static String directive(String conf, String name) {
        var matcher = Pattern.compile("(?m)^" + name + "\\s+([^;]+);").matcher(conf);
        assertThat(matcher.find()).as("%s in the nginx configuration", name).isTrue();
        return matcher.group(1).trim();
    }

    /** nginx sizes: "2m" → 2 MiB, "8k" → 8 KiB, "512" → 512 bytes. */
    private static long nginxBytes(String size) {
        String lower = size.toLowerCase(java.util.Locale.ROOT);
        char unit = lower.charAt(lower.length() - 1);
        return switch (unit) {
            case 'k' -> Long.parseLong(lower.substring(0, lower.length() - 1)) * 1024;
            case 'm' -> Long.parseLong(lower.substring(0, lower.length() - 1)) * 1024 * 1024;
            default -> Long.parseLong(lower);
        };
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

    @Test
    void composeFollowsTheComposeSpecification() throws IOException {
        assertThat(composeProblems(Files.readString(DOCKER.resolve("compose.yaml")))).isEmpty();
    }

    @Test
    void theComposeSchemaRefusesAMisspelledFieldAndAnUnknownCondition() throws IOException {
        String compose = Files.readString(DOCKER.resolve("compose.yaml"));
        String misspelled = compose.replace("      replicas: 2", "      replicsa: 2");
        String unknownCondition = compose.replaceFirst("condition: service_healthy", "condition: service_ready");
        assertThat(misspelled).isNotEqualTo(compose);
        assertThat(unknownCondition).isNotEqualTo(compose);

        assertThat(composeProblems(misspelled)).anySatisfy(problem -> assertThat(problem).contains("replicsa"));
        assertThat(composeProblems(unknownCondition)).isNotEmpty();
    }

    @Test
    void kubernetesManifestsAreValidKubernetesApiObjects() throws IOException {
        List<Map<String, Object>> manifests = new ArrayList<>(documents(DOCKER.resolve("kubernetes/notes.yaml")));
        manifests.add(yaml(DOCKER.resolve("kubernetes/secret.example.yaml")));
        for (Map<String, Object> manifest : manifests) {
            readAsKubernetesApiObject(manifest);
        }
    }

    @Test
    void theKubernetesCheckRefusesMisspelledFieldsMissingFieldsAndWrongTypes() throws IOException {
        String notes = Files.readString(DOCKER.resolve("kubernetes/notes.yaml"));
        Map<String, String> brokenAndWhy = Map.of(
                notes.replace("  replicas: 2", "  replicsa: 2"), "`replicsa`",
                notes.replace("readinessProbe:", "readinesProbe:"), "`readinesProbe`",
                notes.replace("pathType: Prefix", ""), "`pathType`",
                notes.replace("  replicas: 2", "  replicas: two"), "\"two\"");
        brokenAndWhy.forEach((broken, why) -> {
            assertThat(broken).isNotEqualTo(notes);
            assertThatThrownBy(() -> documents(broken).forEach(DeploymentFilesTest::readAsKubernetesApiObject))
                    .isInstanceOfAny(IllegalArgumentException.class, JsonParseException.class)
                    .hasMessageContaining(why);
        });
    }

    @Test
    void theDockerfilePassesTheHadolintRulesThatApply() throws IOException {
        assertThat(dockerfileProblems(Files.readAllLines(DOCKER.resolve("Dockerfile")))).isEmpty();
    }

    @Test
    void theDockerfileRulesFindWhatTheyAreFor() {
        List<String> broken = List.of(
                "FROM icr.io/appcafe/open-liberty",
                "ADD target/notes.war /config/apps/",
                "COPY liberty/config/ /config/",
                "RUN sudo apt-get update && \\",
                "    apt-get install -y curl",
                "CMD server run",
                "USER root");
        assertThat(dockerfileProblems(broken)).hasSize(12)
                .anySatisfy(p -> assertThat(p).startsWith("DL3006/DL3007"))
                .anySatisfy(p -> assertThat(p).startsWith("DL3020"))
                .anySatisfy(p -> assertThat(p).startsWith("COPY without --chown"))
                .anySatisfy(p -> assertThat(p).startsWith("DL3004"))
                .anySatisfy(p -> assertThat(p).startsWith("DL3015"))
                .anySatisfy(p -> assertThat(p).startsWith("DL3025"))
                .anySatisfy(p -> assertThat(p).startsWith("DL3002"));
    }

    /**
     * The load balancer's address is on a private network; a client's public address must never
     * pass for a proxy, or it could name any address it likes in X-Forwarded-For.
     */
    private static void assertTrustsOnlyPrivateNetworks(String proxies) {
        Pattern pattern = Pattern.compile(proxies);
        assertThat(List.of("10.1.2.3", "172.18.0.5", "192.168.1.20"))
                .allSatisfy(address -> assertThat(pattern.matcher(address).matches()).as(address).isTrue());
        assertThat(List.of("8.8.8.8", "172.32.0.1", "203.0.113.9", "11.10.0.1"))
                .allSatisfy(address -> assertThat(pattern.matcher(address).matches()).as(address).isFalse());
    }
}
