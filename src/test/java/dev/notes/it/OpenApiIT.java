package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.web.NotesApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document a real server publishes at {@code /openapi} describes every JAX-RS resource
 * method of the WAR, found here by reflection over the application's classes (no list to forget to
 * update), with every response its annotations document, each error as a problem.
 */
@ExtendWith(NotesServer.class)
class OpenApiIT {

    /** An operation of the API as its class declares it. */
    record Endpoint(String method, String path, Method javaMethod) {

        @Override
        public String toString() {
            return method + " " + path + " (" + javaMethod.getDeclaringClass().getSimpleName() + "." + javaMethod.getName() + ")";
        }
    }

    @Test
    void everyResourceMethodIsInTheDocumentWithItsResponses(LibertyServer server) {
        JsonObject document = document(server);
        JsonObject paths = document.getJsonObject("paths");
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("resource methods found").hasSizeGreaterThanOrEqualTo(11);

        for (Endpoint endpoint : endpoints) {
            JsonObject path = paths.getJsonObject(endpoint.path());
            assertThat(path).as("%s in the document's paths %s", endpoint, paths.keySet()).isNotNull();
            JsonObject operation = path.getJsonObject(endpoint.method().toLowerCase(Locale.ROOT));
            assertThat(operation).as("%s in the document", endpoint).isNotNull();
            assertThat(operation.getString("summary", "")).as("%s has a summary", endpoint).isNotBlank();
            JsonObject responses = operation.getJsonObject("responses");
            APIResponse[] documented = endpoint.javaMethod().getAnnotationsByType(APIResponse.class);
            assertThat(documented).as("%s documents its responses", endpoint).isNotEmpty();
            for (APIResponse response : documented) {
                JsonObject described = responses.getJsonObject(response.responseCode());
                assertThat(described).as("%s response %s", endpoint, response.responseCode()).isNotNull();
                if (response.responseCode().startsWith("4") || response.responseCode().startsWith("5")) {
                    assertThat(described.getJsonObject("content").getJsonObject("application/problem+json")
                            .getJsonObject("schema").getString("$ref"))
                            .as("%s response %s is a problem", endpoint, response.responseCode())
                            .isEqualTo("#/components/schemas/Problem");
                }
            }
        }
        assertThat(document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem")
                .getJsonObject("properties").keySet()).contains("type", "title", "status", "detail", "errors");
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Notes API");
    }

    @Test
    void libertyFindsTheDocumentValid(LibertyServer server) {
        document(server);
        assertThat(server.log()).as("Liberty's validation of the OpenAPI document (errors, warnings)")
                .doesNotContain("CWWKO1650E", "CWWKO1651W");
    }

    @Test
    void theUserInterfaceIsServed(LibertyServer server) {
        WebClient.Page ui = new WebClient(server.baseUri()).get("/openapi/ui/");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("openapi");
    }

    private static JsonObject document(LibertyServer server) {
        WebClient client = new WebClient(server.baseUri());
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("/openapi"))
                .header("Accept", "application/json").GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Every resource method of the WAR's classes: those beside {@link NotesApi}, with {@code @Path}. */
    private static List<Endpoint> endpoints() {
        String root = NotesApi.class.getAnnotation(ApplicationPath.class).value();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : applicationClasses()) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod != null && Modifier.isPublic(method.getModifiers())) {
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = "/" + root + "/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
                    endpoints.add(new Endpoint(httpMethod, path.replaceAll("/+", "/"), method));
                }
            }
        }
        return endpoints;
    }

    private static String httpMethodOf(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class)).filter(java.util.Objects::nonNull)
                .map(HttpMethod::value).findFirst().orElse(null);
    }

    private static List<Class<?>> applicationClasses() {
        try {
            java.nio.file.Path classes = java.nio.file.Path.of(NotesApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
                return files.filter(file -> file.toString().endsWith(".class") && !file.getFileName().toString().contains("$"))
                        .map(file -> classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                        .map(OpenApiIT::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiIT.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cannot load " + name, e);
        }
    }
}
