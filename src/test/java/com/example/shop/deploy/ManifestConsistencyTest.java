package com.example.shop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The Kubernetes manifests under k8s/ probe what the running application serves and set only what it reads. */
@QuarkusTest
class ManifestConsistencyTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Quarkus' default HTTP port, unless application.properties sets another. */
    private static final String QUARKUS_DEFAULT_HTTP_PORT = "8080";

    /** Probe kind → the SmallRye Health path it must call. */
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    /** The settings a manifest may pass as environment variables, as configuration properties (README, "Configuration"). */
    private static final List<String> SETTINGS = List.of(
            "quarkus.http.port",
            "quarkus.datasource.reactive.url",
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "quarkus.datasource.reactive.max-size",
            "shop.datasource.connect-timeout",
            "shop.datasource.acquire-timeout",
            "shop.idempotency.retention",
            "mp.jwt.verify.publickey",
            "smallrye.jwt.sign.key",
            "shop.staff.email",
            "shop.staff.password");

    /** Deliberately without a production value in application.properties: the deployment must pass them. */
    private static final Set<String> REQUIRED_IN_PRODUCTION = Set.of(
            "quarkus.datasource.reactive.url",
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "mp.jwt.verify.publickey",
            "smallrye.jwt.sign.key",
            "shop.staff.email",
            "shop.staff.password");

    private static final Set<String> CREDENTIALS = Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    private static List<Manifest> manifests;

    /** One YAML document of one file under k8s/. */
    record Manifest(Path file, JsonNode doc) {

        String kind() {
            return doc.path("kind").asText();
        }

        Stream<JsonNode> containers() {
            JsonNode pod = doc.at("/spec/template/spec");
            return Stream.concat(elements(pod.path("initContainers")), elements(pod.path("containers")));
        }
    }

    @BeforeAll
    static void parseEveryYamlFile() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            List<Path> yamlFiles = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
            manifests = new ArrayList<>();
            for (Path file : yamlFiles) {
                manifests.addAll(parse(file));
            }
        }
        assertFalse(ofKind("Deployment").isEmpty(), "no Deployment under " + K8S.toAbsolutePath());
    }

    @Test
    void shouldProbePathsTheApplicationServesAsUp() {
        ofKind("Deployment").forEach(deployment -> deployment.containers().forEach(container ->
                PROBE_PATHS.forEach((probe, expectedPath) -> {
                    JsonNode httpGet = container.path(probe).path("httpGet");
                    if (!httpGet.isMissingNode()) {
                        String path = httpGet.path("path").asText();
                        assertServedAsUp(path);
                        assertEquals(expectedPath, path, probe + " in " + deployment.file());
                    }
                })));
    }

    @Test
    void shouldDeclareEveryProbeOnTheContainerPort() {
        for (Manifest deployment : ofKind("Deployment")) {
            deployment.containers().filter(c -> c.has("ports")).forEach(container -> {
                for (String probe : PROBE_PATHS.keySet()) {
                    JsonNode port = container.path(probe).path("httpGet").path("port");
                    assertFalse(port.isMissingNode(), probe + " missing in " + deployment.file());
                    assertTrue(declaresPort(container, port), probe + " port " + port + " is not a port of "
                            + container.path("name").asText() + " in " + deployment.file());
                }
            });
        }
    }

    @Test
    void shouldExposeTheApplicationsHttpPort() {
        List<JsonNode> httpPorts = ofKind("Deployment").stream()
                .flatMap(Manifest::containers)
                .flatMap(c -> elements(c.path("ports")))
                .filter(p -> p.path("name").asText().equals("http"))
                .toList();
        assertFalse(httpPorts.isEmpty(), "no container port named http");
        httpPorts.forEach(port -> assertEquals(productionHttpPort(), port.path("containerPort").asText()));
        assertEquals("8080", productionHttpPort());
    }

    @Test
    void shouldRouteTheServiceToTheHttpPort() {
        Set<JsonNode> podSelectors = ofKind("Deployment").stream()
                .map(deployment -> deployment.doc().at("/spec/selector/matchLabels"))
                .filter(labels -> !labels.isMissingNode())
                .collect(Collectors.toSet());
        List<Manifest> services = ofKind("Service").stream()
                .filter(service -> podSelectors.contains(service.doc().at("/spec/selector")))
                .toList();
        assertFalse(services.isEmpty(), "no Service selects the Deployment's pods");
        services.forEach(service -> elements(service.doc().at("/spec/ports")).forEach(port ->
                assertEquals("http", port.path("targetPort").asText(), "targetPort in " + service.file())));
    }

    @Test
    void shouldPointMetricsScrapingAtTheServedEndpoint() {
        List<JsonNode> scraped = ofKind("Deployment").stream()
                .map(deployment -> deployment.doc().at("/spec/template/metadata/annotations"))
                .filter(annotations -> annotations.has("prometheus.io/path"))
                .toList();
        assertFalse(scraped.isEmpty(), "no Deployment is annotated for metrics scraping");
        for (JsonNode annotations : scraped) {
            assertEquals(productionHttpPort(), annotations.path("prometheus.io/port").asText());
            given().when().get(annotations.path("prometheus.io/path").asText()).then().statusCode(200);
        }
    }

    @Test
    void shouldSetOnlySettingsTheApplicationReads() {
        Set<String> names = environmentVariableNames();
        assertTrue(names.containsAll(CREDENTIALS), "credentials not passed: " + names);
        for (String name : names) {
            String property = propertyFor(name)
                    .orElseGet(() -> fail(name + " is not a setting the application reads, one of " + SETTINGS));
            assertTrue(isReadByApplication(property), property + " (" + name + ") is not read by the application");
        }
    }

    @Test
    void shouldKeepTheSecretTemplateAPlaceholderOutsideTheBase() {
        Manifest template = manifests.stream()
                .filter(m -> m.kind().equals("Secret") && m.file().getFileName().toString().equals("secret.example.yaml"))
                .findFirst()
                .orElseGet(() -> fail("no Secret template (*example*.yaml) under " + K8S));
        Set<String> keys = fieldNames(template.doc().path("stringData"));
        assertTrue(keys.containsAll(CREDENTIALS), "template keys " + keys);
        elements(template.doc().path("stringData")).forEach(value ->
                assertTrue(value.asText().contains("CHANGE_ME"), "template holds a real value: " + value));
        assertTrue(keys.containsAll(secretKeysReferenced()), "Deployment reads keys the template lacks");

        Manifest base = kustomization(K8S.resolve("base"));
        assertFalse(texts(base.doc().path("resources")).contains(template.file().getFileName().toString()),
                "the base must not apply the Secret template");
    }

    @Test
    void shouldGiveInFlightRequestsTimeToDrain() {
        Duration shutdownTimeout = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.shutdown.timeout", Duration.class)
                .orElseGet(() -> fail("quarkus.shutdown.timeout is not set: Quarkus would not wait for in-flight requests"));
        for (Manifest deployment : ofKind("Deployment")) {
            JsonNode pod = deployment.doc().at("/spec/template/spec");
            if (!pod.has("terminationGracePeriodSeconds")) {
                continue; // a patch that leaves it to the base
            }
            long preStopSeconds = deployment.containers()
                    .mapToLong(c -> c.at("/lifecycle/preStop/sleep/seconds").asLong())
                    .max().orElse(0);
            assertTrue(preStopSeconds > 0, "no preStop sleep in " + deployment.file());
            assertTrue(pod.path("terminationGracePeriodSeconds").asLong() > preStopSeconds + shutdownTimeout.toSeconds(),
                    "grace period must exceed preStop + " + shutdownTimeout + " in " + deployment.file());
        }
    }

    @Test
    void shouldReferenceOnlyExistingFilesFromKustomizations() {
        for (Manifest kustomization : ofKind("Kustomization")) {
            Path dir = kustomization.file().getParent();
            Stream.concat(texts(kustomization.doc().path("resources")).stream(),
                            elements(kustomization.doc().path("patches")).map(p -> p.path("path").asText()))
                    .forEach(ref -> assertTrue(Files.exists(dir.resolve(ref)), ref + " in " + kustomization.file()));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static List<Manifest> parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(reader).readAll().stream()
                    .filter(doc -> doc != null && !doc.isNull() && !doc.isMissingNode())
                    .map(doc -> new Manifest(file, doc))
                    .toList();
        }
    }

    private static List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Manifest kustomization(Path dir) {
        return ofKind("Kustomization").stream()
                .filter(m -> m.file().getParent().equals(dir))
                .findFirst()
                .orElseGet(() -> fail("no kustomization.yaml in " + dir));
    }

    private static void assertServedAsUp(String path) {
        given().log().ifValidationFails().when().get(path)
                .then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"));
    }

    /** A probe's port is the container port's name or number. */
    private static boolean declaresPort(JsonNode container, JsonNode port) {
        return elements(container.path("ports")).anyMatch(p -> port.isNumber()
                ? p.path("containerPort").asInt() == port.asInt()
                : p.path("name").asText().equals(port.asText()));
    }

    private static String productionHttpPort() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties.getProperty("%prod.quarkus.http.port",
                properties.getProperty("quarkus.http.port", QUARKUS_DEFAULT_HTTP_PORT));
    }

    /** Names set on the shop's containers, ConfigMap keys, Secret keys, and generated Secret/ConfigMap keys. */
    private static Set<String> environmentVariableNames() {
        Stream<String> env = ofKind("Deployment").stream()
                .flatMap(Manifest::containers)
                .flatMap(c -> elements(c.path("env")))
                .map(e -> e.path("name").asText());
        Stream<String> configMaps = ofKind("ConfigMap").stream().flatMap(m -> fieldNames(m.doc().path("data")).stream());
        Stream<String> secrets = ofKind("Secret").stream().flatMap(m -> Stream.concat(
                fieldNames(m.doc().path("data")).stream(), fieldNames(m.doc().path("stringData")).stream()));
        Stream<String> generated = ofKind("Kustomization").stream()
                .flatMap(m -> Stream.concat(elements(m.doc().path("secretGenerator")),
                        elements(m.doc().path("configMapGenerator"))))
                .flatMap(generator -> texts(generator.path("literals")).stream())
                .map(literal -> literal.substring(0, literal.indexOf('=')));
        return Stream.of(env, configMaps, secrets, generated).flatMap(s -> s).collect(Collectors.toCollection(TreeSet::new));
    }

    /** MicroProfile Config's environment variable rule: non-alphanumerics become '_', then upper case. */
    private static Optional<String> propertyFor(String environmentVariable) {
        return SETTINGS.stream()
                .filter(p -> p.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT).equals(environmentVariable))
                .findFirst();
    }

    /** Has a value (application.properties or a Quarkus default), must be given in production, or is injected with a default. */
    private static boolean isReadByApplication(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, String.class).isPresent()
                || REQUIRED_IN_PRODUCTION.contains(property)
                || injectedConfigProperties().contains(property);
    }

    /** Properties that the application's beans inject with @ConfigProperty (a default there is not in the Config). */
    private static Set<String> injectedConfigProperties() {
        return Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass)
                .filter(type -> type.getName().startsWith("com.example.shop."))
                .flatMap(ManifestConsistencyTest::injectionPoints)
                .map(element -> element.getAnnotation(ConfigProperty.class))
                .filter(Objects::nonNull)
                .map(ConfigProperty::name)
                .collect(Collectors.toSet());
    }

    private static Stream<AnnotatedElement> injectionPoints(Class<?> type) {
        Stream<Executable> executables = Stream.concat(Arrays.stream(type.getDeclaredConstructors()),
                Arrays.stream(type.getDeclaredMethods()));
        return Stream.concat(Arrays.stream(type.getDeclaredFields()),
                executables.flatMap(e -> Arrays.stream(e.getParameters())));
    }

    /** Keys of the Secret the Deployments read with secretKeyRef. */
    private static Set<String> secretKeysReferenced() {
        return ofKind("Deployment").stream()
                .flatMap(Manifest::containers)
                .flatMap(c -> elements(c.path("env")))
                .map(e -> e.at("/valueFrom/secretKeyRef/key"))
                .filter(key -> !key.isMissingNode())
                .map(JsonNode::asText)
                .collect(Collectors.toSet());
    }

    private static Stream<JsonNode> elements(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false);
    }

    private static List<String> texts(JsonNode array) {
        return elements(array).map(JsonNode::asText).toList();
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
