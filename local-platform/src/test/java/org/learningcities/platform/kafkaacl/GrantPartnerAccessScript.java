package org.learningcities.platform.kafkaacl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * Runs the compose init script, deploy/kafka/grant-partner-access.sh, itself, so the test grants what
 * compose grants: same topic list, same parsing, same ACLs. Only the two Kafka command-line tools it
 * calls are stand-ins: they record their arguments, which are then carried out through the Admin API
 * the tools use themselves. (Starting the real tools would cost a JVM each, and kafka-acls.sh lives in
 * kafka-tools, which this module does not depend on.) An option the replay does not know fails the
 * test, so the script cannot grow a flag that would be silently ignored here.
 */
final class GrantPartnerAccessScript {

    private static final Pattern SCRAM_CONFIG =
            Pattern.compile("SCRAM-SHA-512=\\[iterations=(\\d+),password=(.+)]");

    private final Path script;

    GrantPartnerAccessScript(Path repositoryRoot) {
        this.script = repositoryRoot.resolve("deploy/kafka/grant-partner-access.sh");
    }

    /** Runs the script for the given partners (name → password) and carries out what it asked for. */
    List<AclBinding> run(Map<String, String> partners, String adminPassword, Admin admin, Path workDirectory)
            throws IOException, InterruptedException, ExecutionException {
        Path bin = Files.createDirectories(workDirectory.resolve("bin"));
        Path recording = workDirectory.resolve("commands");
        for (String tool : List.of("kafka-configs.sh", "kafka-acls.sh")) {
            Path standIn = bin.resolve(tool);
            // One argument per line, a blank line after each call: no argument the script passes is blank.
            Files.writeString(standIn, """
                    #!/bin/bash
                    { basename "$0"; printf '%s\\n' "$@"; echo; } >> "$RECORDING"
                    """);
            Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("script.log").toFile());
        builder.environment().putAll(Map.of(
                "KAFKA_BIN", bin.toString(),
                "RECORDING", recording.toString(),
                "KAFKA_ADMIN_PASSWORD", adminPassword,
                "PARTNERS", String.join(" ", partners.entrySet().stream()
                        .map(partner -> partner.getKey() + ":" + partner.getValue()).toList())));
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed: " + Files.readString(workDirectory.resolve("script.log")));
        }

        List<AclBinding> acls = new ArrayList<>();
        for (List<String> command : commands(recording)) {
            String tool = command.getFirst();
            List<String> arguments = command.subList(1, command.size());
            switch (tool) {
                case "kafka-configs.sh" -> setScramCredential(arguments, admin);
                case "kafka-acls.sh" -> acls.addAll(addAcls(arguments, admin));
                default -> throw new IllegalStateException("Unexpected tool " + tool);
            }
        }
        return acls;
    }

    private static List<List<String>> commands(Path recording) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(recording)) {
            if (line.isEmpty()) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return commands;
    }

    private static void setScramCredential(List<String> arguments, Admin admin)
            throws ExecutionException, InterruptedException {
        Map<String, List<String>> options = options(arguments, List.of("--bootstrap-server", "--alter",
                "--entity-type", "--entity-name", "--add-config"));
        if (!options.containsKey("--alter") || !options.get("--entity-type").equals(List.of("users"))) {
            throw new IllegalArgumentException("kafka-configs.sh is only expected to alter users: " + arguments);
        }
        Matcher config = SCRAM_CONFIG.matcher(single(options, "--add-config"));
        if (!config.matches()) {
            throw new IllegalArgumentException("Unexpected user config " + arguments);
        }
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(single(options, "--entity-name"),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, Integer.parseInt(config.group(1))),
                config.group(2)))).all().get();
    }

    private static List<AclBinding> addAcls(List<String> arguments, Admin admin)
            throws ExecutionException, InterruptedException {
        Map<String, List<String>> options = options(arguments, List.of("--bootstrap-server", "--add",
                "--allow-principal", "--operation", "--topic", "--group", "--resource-pattern-type"));
        if (!options.containsKey("--add")) {
            throw new IllegalArgumentException("kafka-acls.sh is only expected to add ACLs: " + arguments);
        }
        PatternType patternType = PatternType.fromString(options.getOrDefault("--resource-pattern-type",
                List.of("literal")).getFirst().toUpperCase(Locale.ROOT));
        List<ResourcePattern> resources = new ArrayList<>();
        options.getOrDefault("--topic", List.of())
                .forEach(topic -> resources.add(new ResourcePattern(ResourceType.TOPIC, topic, patternType)));
        options.getOrDefault("--group", List.of())
                .forEach(group -> resources.add(new ResourcePattern(ResourceType.GROUP, group, patternType)));
        String principal = single(options, "--allow-principal");

        List<AclBinding> bindings = new ArrayList<>();
        for (ResourcePattern resource : resources) {
            for (String operation : options.get("--operation")) {
                bindings.add(new AclBinding(resource, new AccessControlEntry(principal, "*",
                        SecurityUtils.operation(operation), AclPermissionType.ALLOW)));
            }
        }
        admin.createAcls(bindings).all().get();
        return bindings;
    }

    /** Options with their values, in order; a flag without a value maps to an empty list. */
    private static Map<String, List<String>> options(List<String> arguments, List<String> known) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (!known.contains(option)) {
                throw new IllegalArgumentException("Option " + option + " is not replayed by this test: " + arguments);
            }
            List<String> values = options.computeIfAbsent(option, ignored -> new ArrayList<>());
            if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                values.add(arguments.get(++i));
            }
        }
        return options;
    }

    private static String single(Map<String, List<String>> options, String option) {
        List<String> values = options.getOrDefault(option, List.of());
        if (values.size() != 1) {
            throw new IllegalArgumentException("Expected one " + option + ", got " + values);
        }
        return values.getFirst();
    }
}
