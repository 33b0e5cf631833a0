package org.learningcities.gateway.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as compose reads it (anchors and {@code <<} merges resolved), with the few
 * accessors the checks need. Both the short and the long compose syntax are understood.
 */
final class ComposeFile {

    private final Path directory;
    private final Map<String, Object> services;
    private final Map<String, Object> volumes;

    private ComposeFile(Path directory, Map<String, Object> services, Map<String, Object> volumes) {
        this.directory = directory;
        this.services = services;
        this.volumes = volumes;
    }

    static ComposeFile load(Path file) {
        Map<String, Object> document = readYaml(file);
        return new ComposeFile(file.getParent(), map(document.get("services")), map(document.get("volumes")));
    }

    static Map<String, Object> readYaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** The named volumes the file declares at top level. */
    List<String> volumeNames() {
        return List.copyOf(volumes.keySet());
    }

    List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    boolean hasService(String name) {
        return services.containsKey(name);
    }

    Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    List<String> servicesRunningImage(String imagePrefix) {
        return serviceNames().stream()
                .filter(name -> String.valueOf(service(name).get("image")).startsWith(imagePrefix))
                .toList();
    }

    /** The Maven module a service's image is built from: its MODULE build argument. */
    Optional<String> builtModule(String name) {
        Object build = service(name).get("build");
        if (build == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(map(build).get("args")).map(args -> env(map(args)).get("MODULE"));
    }

    Path buildContext(String name) {
        return directory.resolve(String.valueOf(map(service(name).get("build")).get("context"))).normalize();
    }

    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        if (environment instanceof List<?> entries) {
            Map<String, String> variables = new LinkedHashMap<>();
            entries.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
            return variables;
        }
        return environment == null ? Map.of() : env(map(environment));
    }

    /** Published host port to container port, e.g. {@code "19092:9094"} gives 19092 → 9094. */
    Map<Integer, Integer> publishedPorts(String name) {
        Map<Integer, Integer> published = new LinkedHashMap<>();
        for (Object port : list(service(name).get("ports"))) {
            if (port instanceof Map<?, ?> longSyntax) {
                if (longSyntax.get("published") != null) {
                    published.put(Integer.valueOf(String.valueOf(longSyntax.get("published"))),
                            Integer.valueOf(String.valueOf(longSyntax.get("target"))));
                }
                continue;
            }
            String[] parts = String.valueOf(port).replaceAll("/(tcp|udp)$", "").split(":");
            if (parts.length >= 2) {
                published.put(Integer.valueOf(parts[parts.length - 2]), Integer.valueOf(parts[parts.length - 1]));
            }
        }
        return published;
    }

    /** Each dependency with its condition ("service_started" when the short list form is used). */
    Map<String, String> dependencies(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(dependency -> conditions.put(String.valueOf(dependency), "service_started"));
        } else if (dependsOn != null) {
            map(dependsOn).forEach((dependency, options) ->
                    conditions.put(dependency, String.valueOf(map(options).get("condition"))));
        }
        return conditions;
    }

    /** The health check command as one string, empty when the service defines none. */
    String healthCheck(String name) {
        Object healthcheck = service(name).get("healthcheck");
        if (healthcheck == null) {
            return "";
        }
        Object test = map(healthcheck).get("test");
        return test instanceof List<?> command ? String.join(" ", command.stream().map(String::valueOf).toList())
                : String.valueOf(test);
    }

    /** The host file mounted at a container path, resolved against this file's directory. */
    Optional<Path> mountedAt(String name, String containerPath) {
        return list(service(name).get("volumes")).stream()
                .map(String::valueOf)
                .map(volume -> volume.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(containerPath) && parts[0].startsWith("."))
                .map(parts -> directory.resolve(parts[0]).normalize())
                .findFirst();
    }

    /** The named volume (not a host path) mounted at a container path. */
    Optional<String> volumeAt(String name, String containerPath) {
        return list(service(name).get("volumes")).stream()
                .map(String::valueOf)
                .map(volume -> volume.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(containerPath) && !parts[0].startsWith(".")
                        && !parts[0].startsWith("/"))
                .map(parts -> parts[0])
                .findFirst();
    }

    /** The entrypoint as a list of words, empty when the image's own is used. */
    List<String> entrypoint(String name) {
        Object entrypoint = service(name).get("entrypoint");
        if (entrypoint == null) {
            return List.of();
        }
        return entrypoint instanceof List<?> words ? words.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(entrypoint).split("\\s+"));
    }

    private static Map<String, String> env(Map<String, Object> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach((key, value) -> values.put(key, value == null ? "" : String.valueOf(value)));
        return values;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object yaml) {
        return yaml == null ? Map.of() : (Map<String, Object>) yaml;
    }

    static List<?> list(Object yaml) {
        return yaml == null ? List.of() : (List<?>) yaml;
    }

    static Stream<Map<String, Object>> maps(Object yaml) {
        return list(yaml).stream().map(ComposeFile::map);
    }
}
