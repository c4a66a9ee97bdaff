package com.plumbline.intake.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, ops/prometheus.yml and the Dockerfile keep what issue 16 asked of them: ports
 * published on loopback, no default passwords, the image not running as root. Read as files: no
 * Docker needed.
 */
class DeploymentFilesTest {

    /** {@code ${VAR:?message}}: Compose refuses to start without VAR and prints the message. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
    /** {@code ${VAR}}, {@code ${VAR:-}} or {@code ${VAR-}}: taken from the shell, empty without it. */
    private static final Pattern OPTIONAL_WITHOUT_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+(:?-)?}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASS|SECRET|TOKEN|AUTH)$");

    /** The passwords of the servers beside the service, and the service's own keys: each must be given. */
    private static final Map<String, List<String>> MUST_BE_GIVEN = Map.of(
            "app", List.of("SPRING_DATASOURCE_PASSWORD", "SPRING_ARTEMIS_PASSWORD", "JWT_SECRET",
                    "INTAKE_ADMIN_PASSWORD", "PROMETHEUS_SCRAPE_TOKEN"),
            "postgres", List.of("POSTGRES_PASSWORD"),
            "artemis", List.of("ARTEMIS_USER", "ARTEMIS_PASSWORD"),
            "mailpit", List.of("MP_UI_AUTH"),
            "grafana", List.of("GF_SECURITY_ADMIN_PASSWORD"));

    /** The service's own port may face the network (the providers call it); nothing else may. */
    private static final String PUBLIC_SERVICE = "app";
    private static final String PUBLIC_PORT = "8080";

    @Test
    void everyPublishedPortIsOnLoopbackButTheServicePort() {
        List<String> published = new ArrayList<>();
        services().forEach((name, service) -> {
            for (Object port : list(service.get("ports"))) {
                String binding = binding(port);
                published.add(name + " " + binding);
                boolean publicPort = name.equals(PUBLIC_SERVICE) && binding.endsWith(":" + PUBLIC_PORT);
                if (!publicPort) {
                    assertThat(binding).as("%s publishes %s", name, binding).startsWith("127.0.0.1:");
                }
            }
        });
        assertThat(published).as("ports published by the compose file")
                .contains("app 127.0.0.1:8082:8082", "mailpit 127.0.0.1:8025:8025", "grafana 127.0.0.1:3000:3000");
    }

    @Test
    void passwordsAreRequiredAndNoSecretHasADefault() {
        MUST_BE_GIVEN.forEach((name, variables) -> {
            Map<String, String> environment = environment(services().get(name));
            for (String variable : variables) {
                assertThat(environment.get(variable)).as("%s %s", name, variable).isNotNull().matches(REQUIRED);
            }
        });
        services().forEach((name, service) -> environment(service).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches()) {
                assertThat(REQUIRED.matcher(value).matches() || OPTIONAL_WITHOUT_DEFAULT.matcher(value).matches())
                        .as("%s %s=%s: a secret is required or empty, never a default", name, variable, value).isTrue();
            }
        }));
    }

    @Test
    void prometheusScrapesTheManagementPortWhichListensInsideTheComposeNetwork() throws IOException {
        Map<String, String> app = environment(services().get("app"));
        String managementPort = app.get("INTAKE_MANAGEMENT_PORT");
        assertThat(managementPort).isNotNull().isNotEqualTo(PUBLIC_PORT);
        assertThat(app.get("INTAKE_MANAGEMENT_ADDRESS")).as("reachable by the Prometheus container").isEqualTo("0.0.0.0");

        Map<String, Object> prometheus = new Yaml().load(Files.readString(Path.of("ops/prometheus.yml")));
        Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(map(list(job.get("static_configs")).get(0)).get("targets"))
                .isEqualTo(List.of("app:" + managementPort));
        assertThat(map(job.get("authorization")).get("credentials_file")).as("the scrape takes its token").isNotNull();
    }

    @Test
    void bothInstancesBelieveForwardedAddressesFromTheProxyAlone() {
        Map<String, Object> proxyNetworks = map(services().get("proxy").get("networks"));
        String proxyAddress = String.valueOf(map(proxyNetworks.get("default")).get("ipv4_address"));
        assertThat(proxyAddress).as("the proxy's pinned address").matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        for (String instance : List.of("app", "app-2")) {
            assertThat(environment(services().get(instance)).get("INTAKE_TRUSTED_PROXIES")).as(instance)
                    .isEqualTo(proxyAddress);
        }
    }

    @Test
    void theImageRunsAsAnUnprivilegedUser() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile")).stream().map(String::trim).toList();
        int finalStage = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toUpperCase().startsWith("FROM ")) {
                finalStage = i;
            }
        }
        List<String> users = lines.subList(finalStage, lines.size()).stream()
                .filter(line -> line.toUpperCase().startsWith("USER ")).map(line -> line.substring(5).trim()).toList();
        assertThat(users).as("USER in the final stage").isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0", "0:0", "root:root");
    }

    private static Map<String, Map<String, Object>> services() {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
            Map<String, Map<String, Object>> services = new LinkedHashMap<>();
            map(compose.get("services")).forEach((name, service) -> services.put(name, map(service)));
            assertThat(services).containsKeys("app", "postgres", "artemis", "mailpit", "prometheus", "grafana");
            return services;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "ip:host:container" as written, or the long syntax (target, published, host_ip) in that form. */
    private static String binding(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            Object ip = longSyntax.get("host_ip");
            return (ip == null ? "" : ip + ":") + longSyntax.get("published") + ":" + longSyntax.get("target");
        }
        return String.valueOf(port);
    }

    /** A service's environment, from the map form or the list form ("NAME=value"). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> environment.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
        } else {
            for (Object entry : list(declared)) {
                String[] parts = String.valueOf(entry).split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return yaml == null ? Map.of() : (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object yaml) {
        return yaml == null ? List.of() : (List<Object>) yaml;
    }
}
