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
import dev.notes.it.support.GrafanaDashboard;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
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

    /** Every file of docker/kubernetes. */
    private static final List<String> KUBERNETES_FILES = List.of("notes.yaml", "redis.yaml", "secret.example.yaml",
            "ingress-nginx-hsts.yaml");

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
            "v1 Secret", V1Secret.class,
            "networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class,
            "v1 ConfigMap", V1ConfigMap.class);

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
        assertThat(services).containsOnlyKeys("postgres", "redis", "notes", "lb", "prometheus", "grafana");
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

        assertThat(String.join(" ", list(map(services.get("redis")).get("command")).stream().map(String::valueOf).toList()))
                .contains("--appendonly yes");
        Map<String, Object> balancer = map(services.get("lb"));
        assertThat(list(balancer.get("volumes"))).anySatisfy(v -> assertThat(v.toString())
                .startsWith("./nginx/notes-locations.conf:"));
        assertThat(map(map(balancer.get("depends_on")).get("notes"))).containsEntry("condition", "service_healthy");
        assertThat(DOCKER.resolve(".env.example")).content().contains("NOTES_FACES_SECRET=", "NOTES_EVENT_SECRET=",
                "DB_PASSWORD=", "REDIS_PASSWORD=", "REDIS_TRUSTSTORE_PASSWORD=");
    }

    @Test
    void kubernetesRunsTwoReplicasWithProbesSecretsLimitsAndADisruptionBudget() throws IOException {
        List<Map<String, Object>> manifests = documents(DOCKER.resolve("kubernetes/notes.yaml"));
        assertThat(manifests).extracting(m -> m.get("kind"))
                .containsExactly("Deployment", "Service", "Ingress", "Ingress", "PodDisruptionBudget", "NetworkPolicy",
                        "NetworkPolicy");

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
        assertThat(map(map(map(manifests.get(4).get("spec")).get("selector")).get("matchLabels"))).isEqualTo(labels);

        Map<String, Object> secret = secret("notes");
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
        Map<String, Object> secret = map(secret("notes").get("stringData"));
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
                .contains("%{X-Request-Id}o");
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
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (String file : KUBERNETES_FILES) {
            manifests.addAll(documents(DOCKER.resolve("kubernetes").resolve(file)));
        }
        assertThat(manifests).hasSize(15);
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

    /** The document of secret.example.yaml that defines the Secret {@code name}. */
    private static Map<String, Object> secret(String name) throws IOException {
        return documents(DOCKER.resolve("kubernetes/secret.example.yaml")).stream()
                .filter(document -> name.equals(map(document.get("metadata")).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name + " in secret.example.yaml"));
    }

    private static Map<String, Object> composeService(String name) throws IOException {
        return map(map(yaml(DOCKER.resolve("compose.yaml")).get("services")).get(name));
    }

    private static Map<String, Object> kubernetes(String file, String kind, String name) throws IOException {
        return documents(DOCKER.resolve("kubernetes").resolve(file)).stream()
                .filter(document -> kind.equals(document.get("kind")) && name.equals(map(document.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + file));
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(map(map(deployment.get("spec")).get("template")).get("spec"));
    }

    /** The {@code env} entries with a plain value of a container, as a map. */
    private static Map<String, Object> kubernetesEnvironment(Map<String, Object> container) {
        Map<String, Object> environment = new java.util.HashMap<>();
        list(container.get("env")).forEach(variable -> environment.put(String.valueOf(map(variable).get("name")),
                map(variable).get("value")));
        return environment;
    }

    /** A container's command as one line, e.g. the shell script that starts Redis. */
    private static String commandLine(Object command) {
        return String.join(" ", list(command).stream().map(String::valueOf).toList());
    }

    /** The {@code server { … }} blocks of an nginx file (no nested blocks in them). */
    private static List<String> nginxServers(String conf) {
        return Pattern.compile("(?m)^server \\{\\n(.*?)^\\}", Pattern.DOTALL).matcher(conf).results()
                .map(result -> result.group(1)).toList();
    }

    private static String projectVersion() throws IOException {
        var matcher = Pattern.compile("<artifactId>notes</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(matcher.find()).as("the project's version in pom.xml").isTrue();
        return matcher.group(1);
    }

    @Test
    void everyKubernetesFileIsChecked() throws IOException {
        try (var files = Files.list(DOCKER.resolve("kubernetes"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(KUBERNETES_FILES);
        }
    }

    @Test
    void browsersReachNotesOverHttpsOnlyWithHsts() throws IOException {
        String hsts = "max-age=31536000; includeSubDomains";
        List<String> servers = nginxServers(Files.readString(DOCKER.resolve("nginx/default.conf")));
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0).lines().map(String::strip).filter(line -> !line.isEmpty()).toList())
                .as("the plain port only redirects")
                .containsExactly("listen 8080;", "server_name _;", "return 301 https://$host$request_uri;");
        assertThat(servers.get(1)).contains("listen 8443 ssl;", "ssl_certificate /etc/nginx/tls/tls.crt;",
                "ssl_certificate_key /etc/nginx/tls/tls.key;", "ssl_protocols TLSv1.2 TLSv1.3;",
                "add_header Strict-Transport-Security \"" + hsts + "\" always;",
                "include /etc/nginx/notes-locations.conf;");
        assertThat(Files.readString(DOCKER.resolve("nginx/notes-locations.conf"))).as("no location drops the server's HSTS")
                .doesNotContain("add_header");

        Map<String, Object> balancer = composeService("lb");
        assertThat(list(balancer.get("ports"))).containsExactlyInAnyOrder("80:8080", "443:8443");
        assertThat(list(balancer.get("volumes"))).contains("./certs/nginx:/etc/nginx/tls:ro");

        Map<String, Object> ingress = kubernetes("notes.yaml", "Ingress", "notes");
        Map<String, Object> ingressSpec = map(ingress.get("spec"));
        Map<String, Object> tls = map(list(ingressSpec.get("tls")).get(0));
        assertThat(tls).containsEntry("secretName", "notes-tls");
        assertThat(list(tls.get("hosts"))).containsExactly(map(list(ingressSpec.get("rules")).get(0)).get("host"));
        assertThat(secret("notes-tls")).containsEntry("type", "kubernetes.io/tls");
        assertThat(map(map(ingress.get("metadata")).get("annotations")))
                .containsEntry("nginx.ingress.kubernetes.io/ssl-redirect", "true")
                .containsEntry("nginx.ingress.kubernetes.io/force-ssl-redirect", "true");
        Map<String, Object> controller = map(kubernetes("ingress-nginx-hsts.yaml", "ConfigMap", "ingress-nginx-controller")
                .get("data"));
        assertThat(controller).containsEntry("hsts", "true").containsEntry("hsts-max-age", "31536000")
                .containsEntry("hsts-include-subdomains", "true");
        assertThat("max-age=" + controller.get("hsts-max-age") + "; includeSubDomains").isEqualTo(hsts);
    }

    /**
     * The session cookie is Liberty's JSESSIONID, not Secure, for {@code mvn liberty:run} over
     * plain HTTP; where users come over HTTPS it is Secure, and its {@code __Host-} name makes
     * browsers refuse it otherwise (InstanceTlsIT shows Liberty sends it so).
     */
    @Test
    void theDeploymentsLogJsonAndGiveTheShutdownItsTime() throws IOException {
        String serverXml = Files.readString(Path.of("liberty/config/server.xml"));
        assertThat(variableDefault(serverXml, "LOG_FORMAT")).isEqualTo("simple");
        assertThat(serverXml).contains("consoleFormat=\"${LOG_FORMAT}\" messageFormat=\"${LOG_FORMAT}\"");
        assertThat(Files.readAllLines(DOCKER.resolve("Dockerfile"))).contains("ENV LOG_FORMAT=json");

        Map<String, Object> notes = composeService("notes");
        assertThat(map(notes.get("environment"))).containsEntry("LOG_FORMAT", "json");
        assertThat(notes.get("stop_grace_period")).as("more than Docker's 10 s").isEqualTo("45s");

        Map<String, Object> pod = podSpec(kubernetes("notes.yaml", "Deployment", "notes"));
        Map<String, Object> container = map(list(pod.get("containers")).get(0));
        assertThat(kubernetesEnvironment(container)).containsEntry("LOG_FORMAT", "json");
        // preStop sleep 5 s + SHUTDOWN_DRAIN 5 s + Liberty's quiesce, at most 30 s
        assertThat(pod.get("terminationGracePeriodSeconds")).isEqualTo(45);
        assertThat(commandLine(map(map(map(container.get("lifecycle")).get("preStop")).get("exec")).get("command")))
                .isEqualTo("sleep 5");
        assertThat(map(map(kubernetes("notes.yaml", "Ingress", "notes").get("metadata")).get("annotations")))
                .containsEntry("nginx.ingress.kubernetes.io/proxy-next-upstream", "error timeout http_503");
        String locations = Files.readString(DOCKER.resolve("nginx/notes-locations.conf"));
        assertThat(Pattern.compile("proxy_next_upstream\\s+([^;]+);").matcher(locations).results()
                .map(result -> result.group(1))).as("pages and /live try the next instance on 503").hasSize(2)
                .allMatch(next -> next.contains("http_503"));
    }

    @Test
    void theSessionCookieIsSecureAndHostPrefixedWhereverUsersComeOverHttps() throws IOException {
        String serverXml = Files.readString(Path.of("liberty/config/server.xml"));
        assertThat(variableDefault(serverXml, "SESSION_COOKIE_NAME")).isEqualTo("JSESSIONID");
        assertThat(variableDefault(serverXml, "SESSION_COOKIE_SECURE")).isEqualTo("false");
        assertThat(serverXml).contains("cookieName=\"${SESSION_COOKIE_NAME}\" cookieSecure=\"${SESSION_COOKIE_SECURE}\"");

        Map<String, Object> compose = map(composeService("notes").get("environment"));
        Map<String, Object> kubernetes = kubernetesEnvironment(map(list(podSpec(kubernetes("notes.yaml", "Deployment", "notes"))
                .get("containers")).get(0)));
        for (Map<String, Object> environment : List.of(compose, kubernetes)) {
            assertThat(environment).containsEntry("SESSION_COOKIE_SECURE", "true");
            assertThat(String.valueOf(environment.get("SESSION_COOKIE_NAME"))).startsWith("__Host-");
        }
    }

    /** Liberty's own HTTPS: an include that only NOTES_TLS=keystore adds, so no other start pays for it. */
    @Test
    void libertyServesHttpsOnlyWhenAskedWithTheKeystoreItIsGiven() throws IOException {
        String serverXml = Files.readString(Path.of("liberty/config/server.xml"));
        assertThat(variableDefault(serverXml, "NOTES_TLS")).isEqualTo("none");
        assertThat(variableDefault(serverXml, "HTTPS_PORT")).isEqualTo("-1");
        assertThat(serverXml).contains("<include location=\"${server.config.dir}/tls-${NOTES_TLS}.xml\"/>")
                .doesNotContain("<feature>transportSecurity");
        assertThat(Files.readString(Path.of("liberty/config/tls-none.xml"))).doesNotContain("<feature>");
        String keystore = Files.readString(Path.of("liberty/config/tls-keystore.xml"));
        assertThat(keystore).contains("<feature>transportSecurity-1.0</feature>",
                "location=\"${KEYSTORE_FILE}\" password=\"${KEYSTORE_PASSWORD}\"", "readOnly=\"true\"",
                "sslProtocol=\"TLSv1.3,TLSv1.2\"");
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).as("the image has the includes' features")
                .contains("installFeature --acceptLicense --noCache sessionCache-1.0 transportSecurity-1.0");
    }

    @Test
    void redisSpeaksTlsOnlyToOneUserWithAPassword() throws IOException {
        Map<String, Object> composeRedis = composeService("redis");
        Map<String, Object> kubernetesRedis = map(list(podSpec(kubernetes("redis.yaml", "Deployment", "redis"))
                .get("containers")).get(0));
        List<String> health = List.of(
                String.valueOf(list(map(composeRedis.get("healthcheck")).get("test")).get(1)),
                commandLine(map(map(kubernetesRedis.get("readinessProbe")).get("exec")).get("command")),
                commandLine(map(map(kubernetesRedis.get("livenessProbe")).get("exec")).get("command")));
        for (String command : List.of(commandLine(composeRedis.get("command")), commandLine(kubernetesRedis.get("command")))) {
            assertThat(command).contains("--port 0 ", "--tls-port 6379 ", "--tls-cert-file /tls/tls.crt ",
                    "--tls-key-file /tls/tls.key ", "--tls-ca-cert-file /tls/ca.crt ", "--tls-auth-clients no ",
                    "--user default off ", "--user notes on \"#", "sha256sum",
                    // the permissions SecuredRedisClusterIT proves sufficient: Notes' keys and channels only
                    "resetkeys '~notes:*' '~sm/*' '~sa/*' '~*{sm/*' '~*{sa/*' resetchannels '&notes:*' '&*{sm/*' '&*{sa/*'"
                            + " '+@all' '-@dangerous'",
                    "--appendonly yes ", "REDISCLI_AUTH:?");
        }
        assertThat(health).allSatisfy(command -> assertThat(command)
                .contains("redis-cli --tls --cacert /tls/ca.crt --user notes ping | grep -q PONG"));
        assertThat(map(composeRedis.get("environment")).get("REDISCLI_AUTH").toString()).startsWith("${REDIS_PASSWORD:?");
        assertThat(map(map(map(list(kubernetesRedis.get("env")).get(0)).get("valueFrom")).get("secretKeyRef")))
                .containsEntry("name", "notes").containsEntry("key", "REDIS_PASSWORD");
        assertThat(list(composeRedis.get("volumes"))).contains("./certs/redis:/tls:ro");
        assertThat(map(secret("notes-redis-tls").get("stringData"))).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");

        Map<String, Object> notes = map(composeService("notes").get("environment"));
        assertThat(notes).containsEntry("REDIS_URL", "rediss://redis:6379").containsEntry("REDIS_USERNAME", "notes")
                .containsEntry("REDIS_TRUSTSTORE", "file:/config/redis-tls/truststore.p12");
        assertThat(notes.get("REDIS_PASSWORD").toString()).startsWith("${REDIS_PASSWORD:?");
        assertThat(notes.get("REDIS_TRUSTSTORE_PASSWORD").toString()).startsWith("${REDIS_TRUSTSTORE_PASSWORD:?");
        assertThat(list(composeService("notes").get("volumes"))).contains("./certs/redis-tls:/config/redis-tls:ro");

        Map<String, Object> secret = map(secret("notes").get("stringData"));
        assertThat(secret).containsEntry("REDIS_URL", "rediss://redis:6379").containsEntry("REDIS_USERNAME", "notes")
                .containsEntry("REDIS_TRUSTSTORE", "file:/config/redis-tls/truststore.p12")
                .containsEntry("REDIS_PASSWORD", "").containsEntry("REDIS_TRUSTSTORE_PASSWORD", "");
        assertMountedFromSecret("/config/redis-tls", "notes-redis-truststore");
        assertThat(DOCKER.resolve("kubernetes/secret.example.yaml")).as("how to make the binary one")
                .content().contains("kubectl create secret generic notes-redis-truststore --from-file=truststore.p12");
    }

    @Test
    void postgresIsReachedOverTlsCheckedAgainstItsCaAndHostName() throws IOException {
        String url = String.valueOf(map(secret("notes").get("stringData")).get("DB_URL"));
        assertThat(url).startsWith("jdbc:postgresql://").contains("sslmode=verify-full",
                "sslrootcert=/config/postgres-tls/ca.crt");
        assertMountedFromSecret("/config/postgres-tls", "notes-postgres-ca");
        assertThat(map(secret("notes-postgres-ca").get("stringData"))).containsOnlyKeys("ca.crt");
    }

    /** The Notes container of notes.yaml mounts the Secret {@code secret} read-only at {@code path}. */
    private static void assertMountedFromSecret(String path, String secret) throws IOException {
        Map<String, Object> pod = podSpec(kubernetes("notes.yaml", "Deployment", "notes"));
        Map<String, Object> mount = list(map(list(pod.get("containers")).get(0)).get("volumeMounts")).stream().map(m -> map(m))
                .filter(m -> path.equals(m.get("mountPath"))).findFirst().orElseThrow(() -> new AssertionError("no mount at " + path));
        assertThat(mount).containsEntry("readOnly", true);
        assertThat(list(pod.get("volumes"))).contains(Map.of("name", mount.get("name"), "secret", Map.of("secretName", secret)));
    }

    @Test
    void theImageIsTaggedWithTheProjectVersion() throws IOException {
        String image = "notes:" + projectVersion();
        assertThat(composeService("notes")).containsEntry("image", image);
        Map<String, Object> pod = podSpec(kubernetes("notes.yaml", "Deployment", "notes"));
        List<Object> containers = new ArrayList<>(list(pod.get("containers")));
        containers.addAll(list(pod.get("initContainers")));
        assertThat(containers).extracting(container -> map(container).get("image")).containsOnly(image);
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG VERSION=" + projectVersion() + "\n", "docker build -f docker/Dockerfile -t " + image + " .")
                .doesNotContain(":latest");
    }

    @Test
    void prometheusScrapesEveryNotesReplicaDirectlyAndNothingElseReachesMetricsFromOutside() throws IOException {
        Map<String, Object> job = map(list(yaml(DOCKER.resolve("prometheus/prometheus.yml")).get("scrape_configs")).get(0));
        assertThat(job).containsEntry("metrics_path", "/metrics").doesNotContainKeys("basic_auth", "authorization");
        Map<String, Object> discovery = map(list(job.get("dns_sd_configs")).get(0));
        assertThat(discovery).as("every replica of the service, by Compose's DNS").containsEntry("names", List.of("notes"))
                .containsEntry("type", "A").containsEntry("port", 9080);

        Map<String, Object> prometheus = composeService("prometheus");
        assertThat(list(prometheus.get("volumes"))).extracting(String::valueOf)
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        for (String name : List.of("prometheus", "grafana")) {
            assertThat(list(composeService(name).get("ports"))).as(name).extracting(String::valueOf)
                    .allSatisfy(port -> assertThat(port).as("published on loopback only").startsWith("127.0.0.1:"));
        }
        assertThat(map(composeService("grafana").get("environment")).get("GF_SECURITY_ADMIN_PASSWORD").toString())
                .startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        assertThat(DOCKER.resolve(".env.example")).content().contains("GRAFANA_ADMIN_PASSWORD=");

        assertThat(Files.readString(DOCKER.resolve("nginx/notes-locations.conf")))
                .containsPattern("location \\^~ /metrics \\{\\s*return 404;\\s*}");
        assertThat(Files.readString(Path.of("liberty/config/server.xml")))
                .as("Prometheus needs no password").contains("<mpMetrics authentication=\"false\"/>");
    }

    @Test
    void theKubernetesIngressRefusesMetricsToEveryAddressOnTheSiteItServes() throws IOException {
        Map<String, Object> metrics = kubernetes("notes.yaml", "Ingress", "notes-metrics");
        assertThat(map(map(metrics.get("metadata")).get("annotations")))
                .containsEntry("nginx.ingress.kubernetes.io/denylist-source-range", "0.0.0.0/0,::/0");
        Map<String, Object> site = map(list(map(kubernetes("notes.yaml", "Ingress", "notes").get("spec")).get("rules")).get(0));
        Map<String, Object> rule = map(list(map(metrics.get("spec")).get("rules")).get(0));
        assertThat(rule.get("host")).isEqualTo(site.get("host"));
        assertThat(map(list(map(rule.get("http")).get("paths")).get(0))).containsEntry("path", "/metrics")
                .containsEntry("pathType", "Prefix");
    }

    @Test
    void grafanaLoadsTheNotesDashboardWhosePanelsQueryTheProvisionedPrometheus() throws IOException {
        GrafanaDashboard dashboard = GrafanaDashboard.read();
        Map<String, Object> datasource = map(list(yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml"))
                .get("datasources")).get(0));
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(dashboard.json().get("uid").getAsString()).isEqualTo("notes");
        dashboard.json().getAsJsonArray("panels").forEach(panel -> {
            var targets = panel.getAsJsonObject().getAsJsonArray("targets");
            assertThat(targets).as(panel.getAsJsonObject().get("title").getAsString()).isNotEmpty();
            targets.forEach(target -> assertThat(target.getAsJsonObject().getAsJsonObject("datasource").get("uid").getAsString())
                    .isEqualTo(datasource.get("uid")));
        });
        // Which of them a real server has is MetricsIT's to check.
        assertThat(dashboard.metricNames()).contains("notes_http_requests_seconds_bucket", "notes_live_connections",
                "notes_live_events_published_total", "notes_live_events_delivered_total", "notes_live_resyncs_total",
                "notes_live_sockets_closed_total", "notes_logins_throttled_total", "notes_session_reads_seconds_bucket",
                "notes_session_read_failures_total", "connectionpool_managedConnections");
        Map<String, Object> provider = map(list(yaml(DOCKER.resolve("grafana/provisioning/dashboards/notes.yaml"))
                .get("providers")).get(0));
        assertThat(list(composeService("grafana").get("volumes"))).extracting(String::valueOf)
                .contains("./grafana/dashboards:" + map(provider.get("options")).get("path") + ":ro");
    }

    @Test
    void composeRunsEveryServiceReadOnlyWithoutCapabilitiesOrNewPrivilegesInBoundedMemory() throws IOException {
        Map<String, Object> services = map(yaml(DOCKER.resolve("compose.yaml")).get("services"));
        services.forEach((name, value) -> {
            Map<String, Object> service = map(value);
            assertThat(service).as(name).containsEntry("read_only", true).containsEntry("cap_drop", List.of("ALL"))
                    .containsKey("mem_limit");
            assertThat(list(service.get("security_opt"))).as(name).contains("no-new-privileges:true");
        });
        assertThat(list(map(services.get("notes")).get("tmpfs"))).extracting(String::valueOf)
                .anySatisfy(tmpfs -> assertThat(tmpfs).startsWith("/opt/ol/wlp/output:"))
                .anySatisfy(tmpfs -> assertThat(tmpfs).startsWith("/logs:"))
                .anySatisfy(tmpfs -> assertThat(tmpfs).startsWith("/tmp:"));
        assertThat(map(map(services.get("postgres")).get("environment")).get("POSTGRES_PASSWORD").toString())
                .startsWith("${DB_PASSWORD:?");
        assertThat(map(map(services.get("notes")).get("environment")).get("DB_PASSWORD").toString())
                .startsWith("${DB_PASSWORD:?");
        assertThat(Files.readString(DOCKER.resolve("compose.yaml"))).as("base images by tag, and why").contains("digest");
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("digest");
    }

    @Test
    void kubernetesRunsEveryContainerNonRootReadOnlyWithoutCapabilitiesOrToken() throws IOException {
        Map<String, Object> notes = podSpec(kubernetes("notes.yaml", "Deployment", "notes"));
        for (Map<String, Object> pod : List.of(notes, podSpec(kubernetes("redis.yaml", "Deployment", "redis")))) {
            assertThat(pod).containsEntry("automountServiceAccountToken", false);
            assertThat(map(pod.get("securityContext"))).containsEntry("runAsNonRoot", true)
                    .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
            List<Object> containers = new ArrayList<>(list(pod.get("containers")));
            containers.addAll(pod.containsKey("initContainers") ? list(pod.get("initContainers")) : List.of());
            assertThat(containers).allSatisfy(container -> assertThat(map(map(container).get("securityContext")))
                    .containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("capabilities", Map.of("drop", List.of("ALL"))));
        }

        Map<String, String> volumeKinds = new java.util.HashMap<>();
        list(notes.get("volumes")).forEach(volume -> volumeKinds.put(String.valueOf(map(volume).get("name")),
                map(volume).containsKey("emptyDir") ? "emptyDir" : "other"));
        Map<String, Object> server = map(list(notes.get("containers")).get(0));
        Map<String, String> writable = new java.util.HashMap<>();
        list(server.get("volumeMounts")).forEach(mount -> writable.put(String.valueOf(map(mount).get("mountPath")),
                volumeKinds.get(String.valueOf(map(mount).get("name")))));
        assertThat(writable).containsEntry("/opt/ol/wlp/output", "emptyDir").containsEntry("/logs", "emptyDir")
                .containsEntry("/tmp", "emptyDir");
        Map<String, Object> init = map(list(notes.get("initContainers")).get(0));
        assertThat(commandLine(init.get("command"))).contains("cp -a /opt/ol/wlp/output/. /prepared-output/");
        assertThat(list(init.get("volumeMounts"))).contains(Map.of("name", "output", "mountPath", "/prepared-output"));
    }

    @Test
    void onlyTheIngressControllerReachesNotesAndOnlyNotesReachesRedisAndPostgres() throws IOException {
        Map<String, Object> notesPods = Map.of("matchLabels", Map.of("app.kubernetes.io/name", "notes"));
        Map<String, Object> fromController = map(list(map(list(map(kubernetes("notes.yaml", "NetworkPolicy", "notes")
                .get("spec")).get("ingress")).get(0)).get("from")).get(0));
        assertThat(fromController).containsEntry("namespaceSelector",
                Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx")));
        assertThat(map(kubernetes("notes.yaml", "NetworkPolicy", "notes").get("spec"))).containsEntry("podSelector", notesPods);
        Map<String, Object> fromPrometheus = map(list(map(list(map(kubernetes("notes.yaml", "NetworkPolicy", "notes")
                .get("spec")).get("ingress")).get(1)).get("from")).get(0));
        assertThat(fromPrometheus).as("Prometheus scrapes the pods").containsEntry("podSelector",
                Map.of("matchLabels", Map.of("app.kubernetes.io/name", "prometheus")));

        Map<String, Map<String, Object>> backends = Map.of(
                "redis", kubernetes("redis.yaml", "NetworkPolicy", "redis"),
                "postgresql", kubernetes("notes.yaml", "NetworkPolicy", "postgresql"));
        backends.forEach((name, policy) -> {
            Map<String, Object> spec = map(policy.get("spec"));
            assertThat(spec).as(name).containsEntry("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", name)))
                    .containsEntry("policyTypes", List.of("Ingress"));
            assertThat(list(spec.get("ingress"))).as(name).hasSize(1);
            assertThat(list(map(list(spec.get("ingress")).get(0)).get("from"))).as(name)
                    .containsExactly(Map.of("podSelector", notesPods));
        });
    }

    /**
     * docker/make-certs, run for real into a temporary directory: it refuses to run without a
     * truststore password, makes what compose mounts (Redis's and nginx's certificates signed by
     * its CA, and a truststore Java reads), and a second run changes nothing.
     */
    @Test
    void makeCertsMakesWhatComposeMountsAndKeepsItOnASecondRun(@org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        Path script = directory.resolve("make-certs");
        Files.copy(DOCKER.resolve("make-certs"), script);
        assertThat(runScript(script, Map.of())).as("without REDIS_TRUSTSTORE_PASSWORD").isNotZero();

        Map<String, String> environment = Map.of("REDIS_TRUSTSTORE_PASSWORD", "test-truststore");
        assertThat(runScript(script, environment)).isZero();
        Path certs = directory.resolve("certs");
        List<String> mounted = List.of("redis/tls.crt", "redis/tls.key", "redis/ca.crt", "nginx/tls.crt", "nginx/tls.key",
                "redis-tls/truststore.p12");
        Map<String, byte[]> first = new java.util.HashMap<>();
        for (String file : mounted) {
            first.put(file, Files.readAllBytes(certs.resolve(file)));
        }

        var factory = java.security.cert.CertificateFactory.getInstance("X.509");
        java.security.cert.X509Certificate ca;
        try (var in = Files.newInputStream(certs.resolve("ca.crt"))) {
            ca = (java.security.cert.X509Certificate) factory.generateCertificate(in);
        }
        for (String leaf : List.of("redis/tls.crt", "nginx/tls.crt")) {
            try (var in = Files.newInputStream(certs.resolve(leaf))) {
                factory.generateCertificate(in).verify(ca.getPublicKey());
            }
        }
        java.security.KeyStore truststore = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(certs.resolve("redis-tls/truststore.p12"))) {
            truststore.load(in, "test-truststore".toCharArray());
        }
        String alias = truststore.aliases().nextElement();
        assertThat(truststore.isCertificateEntry(alias)).as("a trusted certificate for Java").isTrue();
        assertThat(truststore.getCertificate(alias)).isEqualTo(ca);

        assertThat(runScript(script, environment)).isZero();
        for (String file : mounted) {
            assertThat(Files.readAllBytes(certs.resolve(file))).as(file).isEqualTo(first.get(file));
        }
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("docker/certs/", "docker/.env");
    }

    private static int runScript(Path script, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(script.resolveSibling("make-certs.out").toFile());
        builder.environment().remove("REDIS_TRUSTSTORE_PASSWORD");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("make-certs did not finish within 60 s");
        }
        return process.exitValue();
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
